// Command zhpolicy analyses Chinese policy documents. See README.md.
package main

import (
	"os"

	"zhpolicy/pkg/cmd/root"
)

func main() {
	os.Exit(root.Main())
}
