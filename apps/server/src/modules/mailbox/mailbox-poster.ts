import QRCode from 'qrcode';

/**
 * The A4 poster a school prints and hangs up: a large title, a few warm lines a child understands,
 * the QR code and the short link (for a phone without a scanner). pdfmake document only.
 */
export async function posterDocument(schoolName: string, url: string, code: string): Promise<object> {
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 480 });
  const soft = '#5b6b7a';
  return {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 56],
    info: { title: `${schoolName} 悄悄话信箱` },
    content: [
      { text: schoolName, alignment: 'center', fontSize: 16, color: soft, margin: [0, 0, 0, 8] },
      { text: '悄悄话信箱', alignment: 'center', fontSize: 48, bold: true, color: '#d46b08', margin: [0, 0, 0, 16] },
      {
        text: '有心事，不想当面说？写下来告诉心理老师吧。',
        alignment: 'center',
        fontSize: 18,
        margin: [0, 0, 0, 6],
      },
      {
        text: '可以不写名字。老师会认真读每一封信，并给你回信。',
        alignment: 'center',
        fontSize: 14,
        color: soft,
        margin: [0, 0, 0, 24],
      },
      { image: qr, width: 220, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: '用手机扫一扫，或在浏览器里输入：', alignment: 'center', fontSize: 13, color: soft },
      { text: url, alignment: 'center', fontSize: 16, bold: true, margin: [0, 4, 0, 4] },
      { text: `信箱编号：${code}`, alignment: 'center', fontSize: 13, color: soft, margin: [0, 0, 0, 28] },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: '怎么看回信？', bold: true, fontSize: 14, margin: [0, 0, 0, 4] },
                  {
                    text: '写完信后，你会得到一个8位的“取信码”。把它抄在本子上，过两天再打开这个网页，输入取信码，就能看到老师的回信。',
                    fontSize: 12,
                    lineHeight: 1.3,
                  },
                ],
                margin: [12, 10, 12, 10],
              },
            ],
          ],
        },
        layout: {
          hLineColor: () => '#ffd591',
          vLineColor: () => '#ffd591',
          fillColor: () => '#fff7e6',
        },
      },
      {
        text: '如果你现在很害怕、受到伤害或有危险，请马上告诉身边的老师，或拨打 110、青少年服务热线 12355。',
        alignment: 'center',
        fontSize: 12,
        bold: true,
        color: '#cf1322',
        margin: [0, 24, 0, 0],
      },
    ],
  };
}
