import { describe, expect, it } from 'vitest';
import { servicePortProblems } from './service-ports.ts';

describe('servicePortProblems (Service port list rules)', () => {
  it('accepts one unnamed port and several uniquely named ones', () => {
    expect(servicePortProblems([{ port: 80 }])).toEqual([]);
    expect(servicePortProblems([{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }])).toEqual([]);
  });
  it('needs a name on every port when there are several, unique names and unique port/protocol pairs', () => {
    const problems = servicePortProblems([{ name: 'http', port: 80 }, { port: 81 }, { name: 'http', port: 80, protocol: 'TCP' }]);
    expect(problems.map((p) => [p.index, p.kind, p.message])).toEqual([
      [1, 'unnamed', 'every port needs a name when there are several'],
      [2, 'duplicate-name', 'port name "http" is used twice'],
      [2, 'duplicate-port', 'TCP 80 is listed twice'],
    ]);
  });
});
