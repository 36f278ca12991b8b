package slogansdict

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

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

// Report is a national report of ../shared/corpus the generators read: a
// government work report (gwr/YEAR.txt, Congress 0) or a CPC congress report
// (cpc_congress/N_….txt), with its year.
type Report struct {
	Path     string
	Congress int
	Year     int
}

// NationalReports lists the work reports and congress reports under the
// corpus directory, in no particular order; files whose names give no year
// are left out, and a congress whose year is not known is an error.
func NationalReports(corpus string) ([]Report, error) {
	var out []Report
	gwr, _ := filepath.Glob(filepath.Join(corpus, "gwr", "*.txt"))
	for _, p := range gwr {
		if y, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(p), ".txt")); err == nil {
			out = append(out, Report{Path: p, Year: y})
		}
	}
	cpc, _ := filepath.Glob(filepath.Join(corpus, "cpc_congress", "*.txt"))
	for _, p := range cpc {
		num, _, ok := strings.Cut(filepath.Base(p), "_")
		if !ok || num == "" || strings.Trim(num, "0123456789") != "" {
			continue
		}
		n, _ := strconv.Atoi(num)
		y, known := CongressYear(n)
		if !known {
			return nil, fmt.Errorf("%s: no year known for congress %d", p, n)
		}
		out = append(out, Report{Path: p, Congress: n, Year: y})
	}
	return out, nil
}
