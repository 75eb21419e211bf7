import { describe, it, expect } from 'vitest';
import { validateDns1035Label, validateDnsLabel, validateDnsSubdomain, validateIanaPortName, validateLabelKey, validateLabelValue } from './labels.ts';

describe('label and name syntax (apimachinery rules)', () => {
  it('accepts prefixed and plain label keys', () => {
    for (const k of ['app', 'app.kubernetes.io/name', 'k8s-app', 'kubernetes.io/metadata.name', 'A_b.c-d']) expect(validateLabelKey(k)).toBeNull();
  });
  it('rejects bad label keys', () => {
    expect(validateLabelKey('')).toMatch(/empty/);
    expect(validateLabelKey('-app')).toMatch(/start and end/);
    expect(validateLabelKey('Example.com/app')).toMatch(/prefix/);
    expect(validateLabelKey('/app')).toMatch(/empty prefix/);
    expect(validateLabelKey('example.com/')).toMatch(/empty name/);
    expect(validateLabelKey(`a${'b'.repeat(63)}`)).toMatch(/longer than 63/);
    expect(validateLabelKey('a b')).not.toBeNull();
  });
  it('label values: empty allowed, 63 chars max, alphanumeric ends', () => {
    expect(validateLabelValue('')).toBeNull();
    expect(validateLabelValue('v1.2_x-y')).toBeNull();
    expect(validateLabelValue('x'.repeat(63))).toBeNull();
    expect(validateLabelValue('x'.repeat(64))).toMatch(/longer than 63/);
    expect(validateLabelValue('bad/value')).not.toBeNull();
    expect(validateLabelValue('-x')).not.toBeNull();
  });
  it('DNS labels, RFC 1035 labels and subdomains', () => {
    expect(validateDnsLabel('shop-1')).toBeNull();
    expect(validateDnsLabel('Shop')).not.toBeNull();
    expect(validateDnsLabel('a.b')).not.toBeNull();
    expect(validateDns1035Label('1web')).toMatch(/start with a letter/);
    expect(validateDns1035Label('web-1')).toBeNull();
    expect(validateDnsSubdomain('api.allow-web')).toBeNull();
    expect(validateDnsSubdomain('api_allow')).not.toBeNull();
    expect(validateDnsSubdomain('a'.repeat(254))).toMatch(/253/);
  });
  it('IANA service names for named ports', () => {
    expect(validateIanaPortName('http')).toBeNull();
    expect(validateIanaPortName('serve-80-tcp')).toBeNull();
    expect(validateIanaPortName('8080')).toMatch(/at least one letter/);
    expect(validateIanaPortName('HTTP')).toMatch(/lowercase/);
    expect(validateIanaPortName('-http')).toMatch(/start or end/);
    expect(validateIanaPortName('a--b')).toMatch(/--/);
    expect(validateIanaPortName('abcdefghijklmnop')).toMatch(/15/);
  });
});
