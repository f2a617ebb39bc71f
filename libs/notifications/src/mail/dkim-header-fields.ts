/**
 * The headers a DKIM signature must cover. RFC 8058 honours one-click unsubscribe only when the
 * signature covers both List-Unsubscribe and List-Unsubscribe-Post. nodemailer added
 * List-Unsubscribe-Post to its default list only in 10.6.1; passing this list explicitly as the
 * transport's `dkim.headerFieldNames` keeps it signed whatever version is installed.
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
] as const;

/** The same list in the form nodemailer's `dkim.headerFieldNames` option takes. */
export const DKIM_HEADER_FIELD_NAMES = DKIM_SIGNED_HEADERS.join(':');
