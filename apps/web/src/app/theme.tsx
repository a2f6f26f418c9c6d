import type { ThemeConfig } from 'antd';

/** 守望's look: a calm green, readable CJK fonts, soft corners. */
export const brandColor = '#1f7a5c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandColor,
    colorLink: brandColor,
    colorInfo: brandColor,
    // antd derives these from the primary colour; for this deep green it would pick greys.
    colorPrimaryBg: '#e8f3ee',
    colorPrimaryBgHover: '#d4e9df',
    colorPrimaryBorder: '#a9cfbe',
    colorPrimaryBorderHover: '#7fb8a0',
    colorPrimaryHover: '#2b8f6d',
    colorPrimaryActive: '#166048',
    colorPrimaryTextHover: '#2b8f6d',
    colorPrimaryTextActive: '#166048',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f4f6f5', headerPadding: '0 16px' },
    Menu: { itemBorderRadius: 8, itemSelectedBg: '#e8f3ee', itemSelectedColor: brandColor, itemHoverBg: '#f0f6f3' },
  },
};
