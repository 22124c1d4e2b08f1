/**
 * Whether a click on a modal dialog landed on its backdrop: the backdrop's clicks are
 * dispatched to the dialog itself, as are clicks on the dialog's own padding, so the
 * point is checked against the dialog's box.
 */
export function onBackdrop(e: MouseEvent, dialog: HTMLDialogElement | undefined): boolean {
  if (!dialog || e.target !== dialog) return false;
  const box = dialog.getBoundingClientRect();
  return e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
}
