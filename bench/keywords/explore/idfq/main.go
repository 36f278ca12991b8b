package main

import (
	"fmt"
	"os"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/idf"
)

func main() {
	t, _ := idf.Default()
	bg, _ := kw.BuiltinBackground()
	x := bg.IDF(t)
	for _, w := range os.Args[1:] {
		g, ok := t.Lookup(w)
		df, c := bg.Lookup(w)
		b, _ := x.Lookup(w)
		fmt.Printf("%s\tgen=%.2f(%v)\tdf=%d count=%d\tbg=%.2f\n", w, g, ok, df, c, b)
	}
	fmt.Println("median", t.Median(), x.Median())
}
