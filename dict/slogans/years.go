package slogansdict

// CongressYear gives the year of the n-th National Congress of the CPC, as
// the generators date the congress reports of ../shared/corpus/cpc_congress
// (their file names begin with the congress's number: 19_…).
func CongressYear(n int) (int, bool) {
	y, ok := congressYears[n]
	return y, ok
}

var congressYears = map[int]int{
	1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969, 10: 1973,
	11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022,
}
