// The API server's warnings (RFC 7234 Warning headers, as Kubernetes sends them) read back to their texts.
import { describe, expect, it } from 'vitest';
import { parseWarnings } from '../../src/kube/client.ts';

describe('parseWarnings', () => {
  it('reads one warning, several joined by commas, and escaped quotes', () => {
    expect(parseWarnings(undefined)).toEqual([]);
    expect(parseWarnings('299 - "would violate PodSecurity \\"restricted:latest\\": privileged (container \\"web\\" must not set securityContext.privileged=true)"')).toEqual([
      'would violate PodSecurity "restricted:latest": privileged (container "web" must not set securityContext.privileged=true)',
    ]);
    expect(parseWarnings('299 - "autoscaling/v2beta2 is deprecated", 299 - "a, b"')).toEqual(['autoscaling/v2beta2 is deprecated', 'a, b']);
  });
});
