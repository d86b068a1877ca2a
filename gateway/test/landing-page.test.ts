import { testStack } from '../../test/support/stack.js';

describe('the internal endpoint in a browser', () => {
  it('serves the embedded Apollo Sandbox, pointed at this endpoint', async () => {
    const { gatewayUrl } = testStack();
    const response = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('"endpointIsEditable":false');
  });
});
