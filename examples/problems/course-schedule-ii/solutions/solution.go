//go:build ignore

package main

func findOrder(numCourses int, prerequisites [][]int) []int {
	indegree := make([]int, numCourses)
	after := make([][]int, numCourses)
	for _, p := range prerequisites {
		after[p[1]] = append(after[p[1]], p[0])
		indegree[p[0]]++
	}
	var order []int
	for i, d := range indegree {
		if d == 0 {
			order = append(order, i)
		}
	}
	// order doubles as the queue of courses whose prerequisites are taken.
	for i := 0; i < len(order); i++ {
		for _, next := range after[order[i]] {
			if indegree[next]--; indegree[next] == 0 {
				order = append(order, next)
			}
		}
	}
	if len(order) < numCourses {
		return []int{}
	}
	return order
}
