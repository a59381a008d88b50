// Saves an API answer as a file: the request carries the bearer token, which a plain link cannot.
import { request } from './client';

export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await request(path);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
