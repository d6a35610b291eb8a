package cn.wangjian.platform.identity;

import java.security.SecureRandom;

/** Random 16-character passwords from an alphabet without look-alike characters (0/O, 1/l/I). */
final class GeneratedPasswords {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    static String next() {
        char[] p = new char[16];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(p);
    }
}
