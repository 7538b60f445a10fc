/**
 * Control characters from a file name or a line of a fiche must not drive the
 * terminal. In its own module so that the formatters can import it without a
 * cycle through index.ts (which imports the formatters).
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�')
}
