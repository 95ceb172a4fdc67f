package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

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
			cl, err := f.Client()
			if err != nil {
				return err
			}
			list, err := cl.AllProblems(cmd.Context(), filter)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(f.IO.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(list)
			}
			if len(list.Problems) == 0 {
				fmt.Fprintln(f.IO.ErrOut, "No problems match; try a shorter search or no filter.")
				return nil
			}
			t := newTable(f, "SLUG", "DIFFICULTY", "STATUS", "TITLE", "TAGS")
			for _, p := range list.Problems {
				t.row(p.Slug, p.Difficulty, strings.ReplaceAll(p.Status, "_", " "), p.Title, strings.Join(p.Tags, ", "))
				switch p.Status {
				case "solved":
					t.colorLast(2, colorGreen)
				case "attempted":
					t.colorLast(2, colorYellow)
				}
			}
			return t.print()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&difficulty, "difficulty", "", "only easy, medium or hard problems")
	cmd.Flags().StringVar(&tag, "tag", "", "only problems with this tag")
	return cmd
}
