/**
 * Downloads a file the API makes (Excel, PDF) with the session cookie. Errors come back as the
 * API's JSON message instead of replacing the page; the file name is the server's.
 */
export async function downloadFile(url: string, language: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: { field?: string; message: string }[] };
    } | null;
    // Code and details travel along, so a refusal can be explained (e.g. which child lacks consent).
    throw Object.assign(new Error(body?.error?.message ?? `${response.status} ${response.statusText}`), {
      code: body?.error?.code,
      details: body?.error?.details ?? [],
    });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? 'download');
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
