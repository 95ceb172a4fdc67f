#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    // Solve the problem: read the input from cin, write the answer to cout.
    return 0;
}
