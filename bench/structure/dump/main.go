// Command dump prints the structure of text files as JSON (a bench helper:
// read the parser's output on a document by hand).
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"zhpolicy/pkg/structure"
)

func main() {
	for _, path := range os.Args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		d := structure.Parse(string(b))
		out := struct {
			File     string              `json:"file"`
			Doc      *structure.Document `json:"structure"`
			Sections []structure.Section `json:"sections"`
		}{path, d, d.Sections()}
		enc := json.NewEncoder(os.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
