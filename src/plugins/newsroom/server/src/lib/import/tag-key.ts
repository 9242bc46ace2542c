/**
 * Tags are found by name case-insensitively ("US-led coalition" and
 * "us-led Coalition" are one tag); Unicode composition and spacing aside too.
 */
export function tagKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}
