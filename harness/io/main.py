import sys


def main():
    data = sys.stdin.read().split()
    # Solve the problem: read the input from data, print the answer.


main()
