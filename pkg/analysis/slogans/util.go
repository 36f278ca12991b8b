package slogans

import "unicode/utf8"

func lastRune(s string) (rune, int)  { return utf8.DecodeLastRuneInString(s) }
func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
