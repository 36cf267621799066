// Sending a file to the API: the body is the file's bytes as they are (application/octet-stream, never
// multipart), with the CSRF double-submit header like every state-changing call, upload progress reported as
// the bytes go, and a refusal turned into the same ApiError the JSON calls reject with, so the server's
// message (already in the user's language) is what the user reads.
import { ApiError, CSRF_HEADER, csrfToken } from '../api/client';
import { signInUrl } from './redirect';

export interface UploadOptions {
  /** Called with 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
}

function refusal(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as Partial<{
      code: string;
      message: string;
      requestId: string;
    }>;
    return new ApiError(
      xhr.status,
      body.code ?? `HTTP_${xhr.status}`,
      body.message ?? xhr.statusText,
      [],
      body.requestId,
    );
  } catch {
    return new ApiError(xhr.status, `HTTP_${xhr.status}`, xhr.statusText);
  }
}

/**
 * POSTs the file's bytes to `url` and resolves with the parsed JSON answer; rejects with an ApiError (status 0
 * and code NETWORK_ERROR when the server was not reached). An expired session goes back to sign-in.
 */
export async function uploadFile<T>(url: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      if (xhr.status === 401) window.location.assign(signInUrl(window.location));
      reject(refusal(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error'));
    xhr.send(file);
  });
}
