// The one browser download helper: saves generated text (manifests, design files, reports,
// assertion files) as a file, and the file-name stem derived from the design name.

export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file-name stem of every download of a design: `Shop: prod design` -> `shop-prod-design`. */
export function fileBase(designName: string): string {
  return designName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'design';
}

/** `My design` -> `my-design.yaml`. */
export const yamlFileName = (designName: string): string => `${fileBase(designName)}.yaml`;
