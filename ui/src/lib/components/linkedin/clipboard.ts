// Putting a kit field on the clipboard, and how close a field is to LinkedIn's limit.
import type { KitField } from '../../bindings/KitField';

/**
 * Copies `text`: through the Clipboard API where the webview grants it, else through a
 * hidden text area and the editing command every WebKit has.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not granted here (WebKitGTK asks for a user gesture it does not always see).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('The clipboard refused the text: select it and copy it by hand');
}

/** Whether a field uses more than nine tenths of its limit: worth a look before pasting. */
export const nearLimit = (field: KitField) => field.used > field.limit * 0.9;
