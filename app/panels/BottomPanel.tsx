// Bottom drawer: YAML / Matrix / Problems tabs. (Owned by the panels work.)
export function BottomPanel() {
  return <section className="bottom-panel" />;
}
