export const paths = {
  home: { pattern: '/', href: () => '/' },
  interview: {
    pattern: '/interviews/:interviewId',
    href: (interviewId: string) => `/interviews/${encodeURIComponent(interviewId)}`,
  },
} as const;
