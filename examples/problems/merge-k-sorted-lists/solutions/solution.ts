/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */

function mergeKLists(lists: Array<ListNode | null>): ListNode | null {
    // heap: a binary min-heap of the lists' current heads by value.
    const heap: ListNode[] = [];
    const push = (node: ListNode): void => {
        let i = heap.length;
        heap.push(node);
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (heap[parent].val <= node.val) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = node;
    };
    const pop = (): ListNode => {
        const top = heap[0];
        const last = heap.pop()!;
        const size = heap.length;
        if (size > 0) {
            let i = 0;
            for (;;) {
                let child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1].val < heap[child].val) {
                    child++;
                }
                if (heap[child].val >= last.val) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
        }
        return top;
    };
    for (const head of lists) {
        if (head) {
            push(head);
        }
    }
    const dummy = new ListNode();
    let tail = dummy;
    while (heap.length > 0) {
        const node = pop();
        tail.next = node;
        tail = node;
        if (node.next) {
            push(node.next);
        }
    }
    tail.next = null;
    return dummy.next;
};
