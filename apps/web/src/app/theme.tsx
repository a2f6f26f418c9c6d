import type { ThemeConfig } from 'antd';

/** 守望's look: a calm green, readable CJK fonts, soft corners. */
export const brandColor = '#1f7a5c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandColor,
    colorLink: brandColor,
    colorInfo: brandColor,
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f4f6f5', headerPadding: '0 16px' },
    Menu: { itemBorderRadius: 8 },
  },
};
