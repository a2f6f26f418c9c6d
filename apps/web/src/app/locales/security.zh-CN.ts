/** 两步验证（身份验证器动态码）的界面文字（简体中文）。 */
const securityZh = {
  title: '两步验证',
  forcedTitle: '请先开启两步验证',
  forcedIntro:
    '{{name}}，您好！管理员账号可以查看和管理大量儿童信息，按规定必须开启两步验证：登录时除了密码，还要输入手机验证器中的6位动态码。',
  intro:
    '开启后，登录时除了密码，还需输入手机身份验证器（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）中的6位动态码。',
  statusOn: '两步验证已开启',
  statusOff: '两步验证未开启',
  recoveryLeft: '剩余恢复码：{{count}} 个',
  start: '开始设置',
  step1: '1. 用身份验证器扫描二维码',
  qrAlt: '两步验证二维码',
  manualKey: '无法扫码？在验证器中手动输入密钥：',
  step2: '2. 输入验证器中显示的6位数字',
  codeLabel: '6位动态码',
  codePlaceholder: '123456',
  confirm: '确认开启',
  codesTitle: '请保存恢复码',
  codesIntro:
    '手机丢失或换机时，可以用下面任意一个恢复码代替动态码登录，每个只能用一次。这些恢复码只显示这一次，请抄写或下载后妥善保管，不要拍照发到群里。',
  copyAll: '复制全部',
  download: '下载为文本文件',
  downloadName: '守望-恢复码.txt',
  done: '我已保存，继续',
  disableTitle: '关闭两步验证',
  disableIntro: '需要输入登录密码，以及验证器中的动态码（或一个恢复码）。',
  disableRequired: '管理员账号必须开启两步验证；关闭后下次使用前需要重新设置（例如更换手机时）。',
  password: '登录密码',
  codeOrRecovery: '动态码或恢复码',
  disable: '关闭两步验证',
  disabled: '两步验证已关闭',
  enabled: '两步验证已开启',
  loginCodeLabel: '动态码',
  loginCodeHint: '请打开手机上的身份验证器，输入“守望”显示的6位数字。手机不在身边时，可以输入一个恢复码。',
  loginCodePlaceholder: '6位数字或恢复码',
  useOtherAccount: '换一个账号登录',
  menu: '两步验证',
};

export default securityZh;
