/**
 * @param {number[]} candies
 * @param {number} extraCandies
 * @return {boolean[]}
 */
var kidsWithCandies = function(candies, extraCandies) {
    let most = candies[0];
    for (const c of candies) {
        if (c > most) most = c;
    }
    return candies.map((c) => c + extraCandies >= most);
};
