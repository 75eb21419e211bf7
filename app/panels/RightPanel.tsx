// Right-hand side panel: Inspector / Policies / Explanation tabs. (Owned by the panels work.)
export function RightPanel() {
  return <aside className="right-panel" />;
}
