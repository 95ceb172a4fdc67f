impl Solution {
    /// Every subset either leaves out or takes each element: double the list
    /// of subsets once per element.
    pub fn subsets(nums: Vec<i32>) -> Vec<Vec<i32>> {
        let mut out: Vec<Vec<i32>> = vec![vec![]];
        for x in nums {
            let with_x: Vec<Vec<i32>> = out
                .iter()
                .map(|s| {
                    let mut t = s.clone();
                    t.push(x);
                    t
                })
                .collect();
            out.extend(with_x);
        }
        out
    }
}
