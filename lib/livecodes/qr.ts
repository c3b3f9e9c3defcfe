import "server-only";
import QRCode from "qrcode";

/**
 * The live code's own QR, for posters. Error correction "M" survives print smudges and a small
 * logo sticker; the quiet zone of 4 modules is what scanners expect.
 */
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: "png", width: 1024 });
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: "svg" });
}
