package main

import (
	"fmt"
	"os"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
)

func main() {
	docs, err := kwdocs.Load(os.Args[1:2], nil)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	in := docs[0].In
	var b strings.Builder
	for i, t := range in.Tokens {
		if strings.Contains(t.Text, "\n") {
			b.WriteString("\n")
			continue
		}
		b.WriteString(in.Keys[i] + "/" + t.POS + " ")
	}
	fmt.Print(b.String())
}
