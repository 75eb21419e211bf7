// Help texts. Kept next to each other so the overall help and the per-command help agree.

export const USAGE: Record<string, string> = {
  main: `netpol: analyze Kubernetes NetworkPolicies, Services and load balancers from manifests

Usage: netpol <command> [options]

Commands:
  analyze FILE_OR_DIR...   who can connect to whom, on which ports
  explain FILE_OR_DIR...   why one connection is allowed or denied
  diff BASE NEW            reachability and policy changes between two sets of manifests
  lint FILE_OR_DIR...      common NetworkPolicy and Service mistakes
  check FILE_OR_DIR... --assertions FILE
                           check connectivity assertions (PASS/FAIL; exit 1 on violations)

Files: .yaml, .yml and .json manifests; directories are read recursively.
An external endpoint 'internet' (every address outside the pod, Service and node ranges)
stands for the outside world; 'nodes' stands for the cluster nodes.
Run 'netpol <command> --help' for the options of a command.

Exit status: 0 success; 1 the input had errors (reported on stderr; what could be read is
still analysed), a diff or lint --fail-on condition matched, or an assertion failed;
2 bad command-line usage or unreadable files.
`,
  analyze: `Usage: netpol analyze FILE_OR_DIR... [--format table|json|md|csv|dot|summary] [--focus NS/NAME|NS/*,...] [--exposure]

Prints every allowed connection (source, destination, ports) between workloads, external
networks and nodes. Self connections are omitted.

Options:
  --format table|json|md|csv|dot|summary
                                   output format (default: table)
                                   json: {"workloads": [...], "connections": [{"src", "dst",
                                   "allowed": {"TCP": [[lo, hi]...], "UDP": [...], "SCTP": [...]}}]}
                                   summary: one line per namespace pair with the number of
                                   allowed pairs and the union of their ports
  --focus NS/NAME|NS/*|NETWORK[,...]
                                   only connections touching these workloads (NS/* : every
                                   workload of the namespace) or external networks
  --exposure                       only connections from external networks, and into workloads
                                   that some workload of every namespace can reach
  --profile upstream|cilium|netpol-analyzer-compat
                                   network-plugin behaviour to assume (default: upstream)
  -h, --help                       this help

Filters only remove connections (and the workloads no kept connection touches): the formats stay the same.
`,
  explain: `Usage: netpol explain FILE_OR_DIR... --from ENDPOINT --to ENDPOINT [--port PORT[/PROTO]]

Explains which policies and rules decide a connection, on the egress side of the source and
the ingress side of the destination.

Options:
  --from ENDPOINT      namespace/name of a workload, an external network name, or an IP/CIDR
  --to ENDPOINT        same forms as --from
  --port PORT[/PROTO]  ask about one port, e.g. 80/TCP or 53/UDP (protocol defaults to TCP)
  --format text|json   output format (default: text)
  --profile upstream|cilium|netpol-analyzer-compat
  -h, --help           this help
`,
  diff: `Usage: netpol diff BASE NEW [--format table|json|md] [--fail-on added|removed|any] [--focus ...] [--exposure]

Compares the reachability, the load-balancer exposure and the NetworkPolicies of two sets of
manifests. BASE and NEW are each a file or a directory. Endpoints are matched by namespace/name.
Changes come first, most risky first (as in the designer's review): exposure to external
networks and through load balancers, then new cross-namespace reach, then other new reach,
then reach taken away, then policy edits; then the pair-by-pair tables.

Options:
  --format table|json|md      output format (default: table); json adds "changes" (kind, risk,
                              title, src, dst, added/removed ports, explanation) to the tables
  --fail-on added|removed|any exit 1 when a connection (or port, or load-balancer exposure) is
                              added, removed, or anything changed
  --focus NS/NAME|NS/*|NETWORK[,...]
                              only changes touching these workloads or networks
  --exposure                  only changes of what external networks reach (directly or
                              through load balancers)
  --profile upstream|cilium|netpol-analyzer-compat
  -h, --help                  this help
`,
  lint: `Usage: netpol lint FILE_OR_DIR... [--format table|json|sarif] [--fail-on error|warning]

Checks manifests for NetworkPolicy and Service mistakes (catalogue ids L-PT-01, L-DNS-01, ...).

Options:
  --format table|json|sarif
                           output format (default: table); sarif: SARIF 2.1.0 for code-scanning
                           views, each finding at the file and line of its object and field
  --fail-on error|warning  exit 1 when a finding (or manifest problem) of this severity or worse
                           exists
  --profile upstream|cilium|netpol-analyzer-compat
  -h, --help               this help
`,
};
