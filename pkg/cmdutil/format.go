package cmdutil

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// Formats are the output formats every data-printing command accepts.
var Formats = []string{"table", "json", "jsonl", "csv", "tsv", "markdown"}

// ValidateFormat checks a --format value against the accepted list.
func ValidateFormat(format string, accepted []string) error {
	if slices.Contains(accepted, format) {
		return nil
	}
	return FlagErrorf("invalid --format %q: use one of %s", format, strings.Join(accepted, ", "))
}

// ExactArgs is cobra.ExactArgs returning a FlagError.
func ExactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return FlagErrorf("%s: expected %s, got %d argument(s)", cmd.CommandPath(), what, len(args))
		}
		return nil
	}
}

// MinimumArgs is cobra.MinimumNArgs returning a FlagError.
func MinimumArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return FlagErrorf("%s: expected %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

// CheckTop validates a --top value: 0 for all, or a positive count.
func CheckTop(n int) error {
	if n < 0 {
		return FlagErrorf("invalid --top %d: must be 0 (all) or more", n)
	}
	return nil
}

// CheckMinCount validates a --min-count value: at least 1.
func CheckMinCount(n int) error {
	if n < 1 {
		return FlagErrorf("invalid --min-count %d: must be at least 1", n)
	}
	return nil
}
