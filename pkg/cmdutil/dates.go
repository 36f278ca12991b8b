package cmdutil

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/timeseries"
)

// DateFlags are the flags that date documents and give them metadata, for
// the commands that count by year or by a column of a metadata table:
// --meta CSV and --date-from-name.
type DateFlags struct {
	Meta         string
	DateFromName string
}

// AddDateFlags registers --meta and --date-from-name.
func AddDateFlags(cmd *cobra.Command, d *DateFlags) {
	cmd.Flags().StringVar(&d.Meta, "meta", "", "document metadata `CSV` (a file column, a date or year column, other columns to group by)")
	AddDateFlag(cmd, &d.DateFromName, "", "with --by year: read years from file names")
}

// Resolver reads --meta and builds the date resolver: the --meta CSV's
// date, else the date a document gives itself (its 成文日期), else its file
// name (--date-from-name for a pattern of your own). columns are the --by
// dimensions that must be columns of the CSV (doc and year are not).
func (d *DateFlags) Resolver(columns []string) (*timeseries.Resolver, *timeseries.Meta, error) {
	r := &timeseries.Resolver{}
	var meta *timeseries.Meta
	if d.Meta != "" {
		fh, err := os.Open(d.Meta)
		if err != nil {
			return nil, nil, fmt.Errorf("--meta %s: %w", d.Meta, PathErr(err))
		}
		meta, err = timeseries.ReadMeta(fh, d.Meta)
		fh.Close()
		if err != nil {
			return nil, nil, err
		}
		r.Meta = meta
	}
	for _, c := range columns {
		if c == "doc" || c == "year" {
			continue
		}
		if meta == nil {
			return nil, nil, FlagErrorf("--by %s needs a --meta CSV with a %s column (or use doc or year)", c, c)
		}
		if !slices.Contains(meta.Columns, c) {
			return nil, nil, FlagErrorf("--by %s: %s has no such column (it has %s)", c, d.Meta, strings.Join(meta.Columns, ", "))
		}
	}
	if d.DateFromName != "" {
		df, err := DateFinder(d.DateFromName)
		if err != nil {
			return nil, nil, err
		}
		r.FromName = df.Date
	}
	return r, meta, nil
}
