package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newProblemsCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var difficulty, tag string
	cmd := &cobra.Command{
		Use:     "problems [SEARCH]",
		Short:   "List the problems",
		Example: "  judge problems\n  judge problems --difficulty easy\n  judge problems sum --json",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			filter := url.Values{}
			if difficulty != "" {
				filter.Set("difficulty", difficulty)
			}
			if tag != "" {
				filter.Set("tag", tag)
			}
			if len(args) == 1 {
				filter.Set("q", args[0])
			}
			list, err := f.Client().Problems(cmd.Context(), filter)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(f.IO.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(list)
			}
			tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SLUG\tDIFFICULTY\tTITLE\tTAGS")
			for _, p := range list.Problems {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Slug, p.Difficulty, p.Title, strings.Join(p.Tags, ", "))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&difficulty, "difficulty", "", "only easy, medium or hard problems")
	cmd.Flags().StringVar(&tag, "tag", "", "only problems with this tag")
	return cmd
}
