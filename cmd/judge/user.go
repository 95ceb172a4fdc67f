package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
)

func newUserCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage users and their tokens (admin)",
		Long: `Manage the daemon's users and their bearer tokens. Adding users and
managing other users' tokens needs an admin's token; anyone may manage their
own tokens. A token is shown once, when it is made: give it to its user, who
runs 'judge login' with it.`,
	}
	cmd.AddCommand(newUserAddCmd(f), newUserListCmd(f), newUserTokenCmd(f), newUserTokensCmd(f), newUserRevokeCmd(f))
	return cmd
}

func printJSON(f *Factory, v any) error {
	enc := json.NewEncoder(f.IO.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newUserAddCmd(f *Factory) *cobra.Command {
	var admin, asJSON bool
	cmd := &cobra.Command{
		Use:     "add NAME",
		Short:   "Add a user and print their first token",
		Example: "  judge user add alice\n  judge user add bob --admin",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			role := api.RoleUser
			if admin {
				role = api.RoleAdmin
			}
			cl, err := f.Client()
			if err != nil {
				return err
			}
			res, err := cl.AddUser(cmd.Context(), api.NewUserRequest{Name: args[0], Role: role})
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, res)
			}
			fmt.Fprintf(f.IO.ErrOut, "Added %s (%s). Their token, shown only now:\n", res.User.Name, res.User.Role)
			fmt.Fprintln(f.IO.Out, res.Token.Token)
			if !f.Local() {
				fmt.Fprintf(f.IO.ErrOut, "They log in with: judge login --server %s (and paste it)\n", cl.BaseURL())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&admin, "admin", false, "make the user an admin")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserListCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the users",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, err := f.Client()
			if err != nil {
				return err
			}
			list, err := cl.Users(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, list)
			}
			t := newTable(f, "ID", "NAME", "ROLE", "CREATED")
			for _, u := range list.Users {
				t.row(strconv.FormatInt(u.ID, 10), u.Name, u.Role, u.CreatedAt.Format(time.RFC3339))
			}
			return t.print()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserTokenCmd(f *Factory) *cobra.Command {
	var label string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "token NAME",
		Short:   "Make a new token for a user and print it",
		Example: "  judge user token alice --label laptop",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, err := f.Client()
			if err != nil {
				return err
			}
			t, err := cl.NewToken(cmd.Context(), args[0], label)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, t)
			}
			fmt.Fprintf(f.IO.ErrOut, "Token %d of %s, shown only now:\n", t.ID, t.User)
			fmt.Fprintln(f.IO.Out, t.Token)
			return nil
		},
	}
	cmd.Flags().StringVar(&label, "label", "", "where the token is used, such as laptop or ci")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserTokensCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "tokens NAME",
		Short: "List a user's tokens (without their secrets)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, err := f.Client()
			if err != nil {
				return err
			}
			list, err := cl.Tokens(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, list)
			}
			tab := newTable(f, "ID", "CREATED", "REVOKED", "LABEL")
			for _, t := range list.Tokens {
				revoked := "-"
				if t.RevokedAt != nil {
					revoked = t.RevokedAt.Format(time.RFC3339)
				}
				tab.row(strconv.FormatInt(t.ID, 10), t.CreatedAt.Format(time.RFC3339), revoked, t.Label)
			}
			return tab.print()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserRevokeCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "revoke TOKEN-ID",
		Short:   "Revoke a token: requests with it are refused from now on",
		Example: "  judge user tokens alice\n  judge user revoke 7",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return &exitError{code: exitUsage, err: fmt.Errorf("token id %q: want the number from `judge user tokens NAME`", args[0])}
			}
			cl, err := f.Client()
			if err != nil {
				return err
			}
			if err := cl.RevokeToken(cmd.Context(), id); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Revoked token %d.\n", id)
			return nil
		},
	}
}
