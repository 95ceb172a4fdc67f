impl Solution {
    /// Kahn's algorithm: take courses whose prerequisites are all taken. If
    /// some are never free, the prerequisites have a cycle.
    pub fn find_order(num_courses: i32, prerequisites: Vec<Vec<i32>>) -> Vec<i32> {
        let n = num_courses as usize;
        let mut indegree = vec![0; n];
        let mut after = vec![Vec::new(); n];
        for p in &prerequisites {
            let (course, before) = (p[0] as usize, p[1] as usize);
            after[before].push(course);
            indegree[course] += 1;
        }
        let mut ready: VecDeque<usize> = (0..n).filter(|&c| indegree[c] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(course) = ready.pop_front() {
            order.push(course as i32);
            for &next in &after[course] {
                indegree[next] -= 1;
                if indegree[next] == 0 {
                    ready.push_back(next);
                }
            }
        }
        if order.len() == n {
            order
        } else {
            Vec::new()
        }
    }
}
