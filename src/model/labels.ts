// Syntax checks for Kubernetes names, label keys/values and port names, as the API server
// applies them (apimachinery validation). Each returns a plain-words error message, or null
// when the text is valid, so the importer and the UI can share them.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
// A label name or value: alphanumeric at both ends, `-`, `_`, `.` inside.
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;

/** RFC 1123 label: namespace names, Service port names. */
export function validateDnsLabel(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `"${name}" is longer than 63 characters`;
  if (!DNS1123_LABEL.test(name)) {
    return `"${name}" must consist of lowercase letters, digits and '-', and start and end with a letter or digit`;
  }
  return null;
}

/** RFC 1035 label: Service names (must start with a letter). */
export function validateDns1035Label(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `"${name}" is longer than 63 characters`;
  if (!DNS1035_LABEL.test(name)) {
    return `"${name}" must consist of lowercase letters, digits and '-', start with a letter and end with a letter or digit`;
  }
  return null;
}

/** RFC 1123 subdomain: most object names (NetworkPolicy, Deployment, Pod, ...). */
export function validateDnsSubdomain(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 253) return `"${name}" is longer than 253 characters`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return `"${name}" must consist of lowercase letters, digits, '-' and '.', and start and end with a letter or digit`;
  }
  return null;
}

/** Label (and annotation) keys: `[prefix/]name`, prefix a DNS subdomain, name ≤ 63 chars. */
export function validateLabelKey(key: string): string | null {
  if (key.length === 0) return 'label key must not be empty';
  const slash = key.indexOf('/');
  let name = key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    name = key.slice(slash + 1);
    if (prefix.length === 0) return `label key "${key}" has an empty prefix before '/'`;
    const prefixError = validateDnsSubdomain(prefix);
    if (prefixError) return `label key prefix ${prefixError}`;
  }
  if (name.length === 0) return `label key "${key}" has an empty name`;
  if (name.length > 63) return `label key name "${name}" is longer than 63 characters`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    return `label key name "${name}" must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit`;
  }
  return null;
}

/** Label values: empty, or ≤ 63 chars alphanumeric at both ends with `-_.` inside. */
export function validateLabelValue(value: string): string | null {
  if (value.length === 0) return null;
  if (value.length > 63) return `label value "${value}" is longer than 63 characters`;
  if (!QUALIFIED_NAME_PART.test(value)) {
    return `label value "${value}" must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit`;
  }
  return null;
}

/** Named ports (container ports, NetworkPolicy ports, Service targetPort): IANA service names. */
export function validateIanaPortName(name: string): string | null {
  if (name.length === 0) return 'port name must not be empty';
  if (name.length > 15) return `port name "${name}" is longer than 15 characters`;
  if (!IANA_SVC_NAME.test(name)) return `port name "${name}" may contain only lowercase letters, digits and '-'`;
  if (!/[a-z]/.test(name)) return `port name "${name}" must contain at least one letter`;
  if (name.startsWith('-') || name.endsWith('-')) return `port name "${name}" must not start or end with '-'`;
  if (name.includes('--')) return `port name "${name}" must not contain "--"`;
  return null;
}
