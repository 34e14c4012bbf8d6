import { CLOUD_ERROR_CODES, graphErrorInfo } from '@wamux/whatsapp-cloud';

const failure = (code: number, status = 400, details = 'details from Meta') => ({
  status,
  method: 'POST',
  path: '/v23.0/106540352242922/messages',
  body: {
    error: {
      message: `(#${code}) title`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    },
  },
});

describe('Graph error body -> error info', () => {
  it.each([
    [130429, 'rate_limit', 'not_sent', /retry after backoff/],
    [131056, 'rate_limit', 'not_sent', /wait before sending to them again/],
    [131047, 'rejected', 'not_sent', /send a template message/],
    [131026, 'rejected', 'not_sent', /cannot receive it/],
    [131048, 'rejected', 'not_sent', /quality rating/],
    [131049, 'rejected', 'not_sent', /do not resend it at once/],
    [190, 'authentication', 'not_sent', /refresh the access token/],
    [368, 'permission', 'not_sent', /policy violation/],
    [100, 'rejected', 'not_sent', /fix the request/],
  ])('%i: kind %s, delivery %s, and the action in the message', (code, kind, delivery, action) => {
    const info = graphErrorInfo(failure(code));
    expect(info).toMatchObject({ kind, delivery, vendorCode: String(code), requestId: 'Az8or2yhqkZfEZ-_4Qn_Bam' });
    expect(info?.message).toMatch(action);
    expect(info?.message).toContain('details from Meta');
    expect(info?.message).toContain(`Cloud API error ${code}`);
  });

  it('leaves an unknown code to the HTTP status, and a 5xx code to the status for delivery', () => {
    expect(graphErrorInfo(failure(999999))).not.toHaveProperty('kind');
    const server = graphErrorInfo(failure(131000, 500));
    expect(server?.kind).toBe('server');
    expect(server).not.toHaveProperty('delivery');
  });

  it('leaves a body that is not a Graph error alone', () => {
    expect(graphErrorInfo({ status: 502, method: 'GET', path: '/x', body: '<html>Bad gateway</html>' })).toBeUndefined();
  });

  it('every rule has a title and an action', () => {
    for (const rule of Object.values(CLOUD_ERROR_CODES)) {
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.action.length).toBeGreaterThan(0);
    }
  });
});
