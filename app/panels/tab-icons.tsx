// 16 px line icons of the side panel's tabs (the comment bubble also marks commented nodes) (stroke = currentColor, so they follow the tab's
// colour).

import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

/** Properties of the selection: sliders. */
export const InspectIcon = () => (
  <Icon>
    <path d="M2.5 4h5M10.5 4h3M2.5 8h2M7.5 8h6M2.5 12h7M12.5 12h1" />
    <circle cx="9" cy="4" r="1.5" />
    <circle cx="6" cy="8" r="1.5" />
    <circle cx="11" cy="12" r="1.5" />
  </Icon>
);

/** NetworkPolicies: a shield. */
export const PoliciesIcon = () => (
  <Icon>
    <path d="M8 1.8 13 3.6v4c0 3.1-2.1 5.5-5 6.6-2.9-1.1-5-3.5-5-6.6v-4z" />
    <path d="m5.8 8 1.5 1.5 3-3" />
  </Icon>
);

/** Why a connection is allowed or denied: a question mark in a circle. */
export const ExplainIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M6.3 6.3a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.3" />
    <circle cx="8" cy="11.6" r=".3" fill="currentColor" />
  </Icon>
);

/** Review comments: a speech bubble. */
export const CommentsIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M2.5 3.5h11v7.5H7l-3 2.5V11H2.5z" />
    <path d="M5 6h6M5 8.3h4" />
  </Icon>
);

/** Traffic paths through load balancers: a route between two points. */
export const PathsIcon = () => (
  <Icon>
    <circle cx="3.5" cy="12.5" r="1.6" />
    <circle cx="12.5" cy="3.5" r="1.6" />
    <path d="M5.1 12.5h5.4a2 2 0 0 0 0-4h-5a2 2 0 0 1 0-4h5.4" />
  </Icon>
);

/** Reachability assertions: a checklist. */
export const AssertionsIcon = () => (
  <Icon>
    <path d="m2.5 4.2 1.2 1.2 2-2.2M2.5 10.2l1.2 1.2 2-2.2" />
    <path d="M8 4.5h5.5M8 10.5h5.5" />
  </Icon>
);

/** Cluster policies: stacked tiers. */
export const ClusterTiersIcon = () => (
  <Icon>
    <path d="M8 2 14 5 8 8 2 5z" />
    <path d="m2 8 6 3 6-3" />
    <path d="m2 11 6 3 6-3" />
  </Icon>
);
