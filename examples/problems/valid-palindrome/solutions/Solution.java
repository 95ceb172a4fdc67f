class Solution {
    public boolean isPalindrome(String s) {
        int[] t = s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
        for (int i = 0, j = t.length - 1; i < j; i++, j--) {
            if (t[i] != t[j]) {
                return false;
            }
        }
        return true;
    }
}
