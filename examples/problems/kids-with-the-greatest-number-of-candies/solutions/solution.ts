function kidsWithCandies(candies: number[], extraCandies: number): boolean[] {
    let most = -Infinity;
    for (const c of candies) {
        most = Math.max(most, c);
    }
    return candies.map((c) => c + extraCandies >= most);
};
