// Logs never carry personal data: redact ID numbers, phones, passwords and session cookies wherever they sit.
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.oldPassword',
        '*.newPassword',
        '*.idNumber',
        '*.phone',
        '*.*.idNumber',
        '*.*.phone',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        // Query strings can carry ID numbers (exact lookup): log the path only.
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}
