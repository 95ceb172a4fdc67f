/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * @param {ListNode[]} lists
 * @return {ListNode}
 */
var mergeKLists = function(lists) {
    const mergeTwo = (a, b) => {
        const dummy = new ListNode();
        let tail = dummy;
        while (a && b) {
            if (a.val <= b.val) {
                tail.next = a;
                a = a.next;
            } else {
                tail.next = b;
                b = b.next;
            }
            tail = tail.next;
        }
        tail.next = a || b;
        return dummy.next;
    };
    // Merge in rounds of pairs: each node takes part in log k merges.
    let round = lists.filter((l) => l !== null);
    if (round.length === 0) return null;
    while (round.length > 1) {
        const next = [];
        for (let i = 0; i < round.length; i += 2) {
            next.push(i + 1 < round.length ? mergeTwo(round[i], round[i + 1]) : round[i]);
        }
        round = next;
    }
    return round[0];
};
