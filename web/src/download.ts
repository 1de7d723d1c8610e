/** Saves a blob under a file name through a temporary link (works in every current browser). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download asynchronously; revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: `Anteil Kinder (Kita) 2025` → `anteil-kinder-kita-2025`. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "daten"
  );
}
