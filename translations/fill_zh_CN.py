#!/usr/bin/env python3
"""Fills translations/jifen_zh_CN.ts from the table below (after `--target update_translations`).
Unknown sources are left unfinished so lrelease reports them."""
import html
import re
import sys

ZH = {
    "Goods": "商品",
    "WeChat Pay": "微信支付",
    "Alipay": "支付宝",
    "Bank card": "银行卡",
    "Cash": "现金",
    "Sales receipt": "销售小票",
    "Receipt no.": "单号",
    "Time": "时间",
    "Terminal": "终端",
    "Cashier": "收银员",
    "Total": "合计",
    "Points offset %1": "积分抵扣 %1",
    "Paid (%1)": "实付（%1）",
    "Promotion": "促销",
    "Member": "会员",
    "Points earned": "本次积分",
    "  of which green": "  其中绿色积分",
    "Points pending": "待发放积分",
    "Points balance": "积分余额",
    "Green points balance": "绿色积分余额",
    "Expiring %1": "%1 到期",
    "Thank you, please come again": "谢谢惠顾，欢迎再来",
    "Jifen points · store %1": "积分好店 · 门店 %1",
    "The rule set cannot be read; sales are not possible. Run `jifen init` for this data directory.":
        "无法读取积分规则，暂时不能收银。请先对该数据目录运行 `jifen init`。",
    "Scan the member card or type the phone, then Enter": "扫会员卡或输入手机号，按回车",
    "Scan a barcode, type a SKU or a name (3*SKU for three)": "扫条码，或输入货号/品名（3*货号 表示三件）",
    "yuan, e.g. 12.50": "金额（元），如 12.50",
    "Item": "商品",
    "Qty": "数量",
    "Price": "单价",
    "Points": "积分",
    "Complete sale (F12)": "结账 (F12)",
    "Cancel (Esc)": "取消 (Esc)",
    "Reprint last receipt (F8)": "重打上一张小票 (F8)",
    "Member (F2)": "会员 (F2)",
    "Item (F3)": "商品 (F3)",
    "Qty (F4)": "数量 (F4)",
    "Amount only (F5)": "按金额收款 (F5)",
    "Points to earn": "预计积分",
    "Points offset (F6)": "积分抵扣 (F6)",
    "Tender (F7)": "支付方式 (F7)",
    "To pay": "应付",
    "Last receipt": "上一张小票",
    "The member cannot be read: %1": "无法读取会员：%1",
    "No member has card %1. Type the member's phone to find or enrol them.":
        "没有卡号为 %1 的会员。请输入手机号查找或办理入会。",
    "\"%1\" is neither a mobile number nor a member card.": "“%1”既不是手机号，也不是会员卡号。",
    "Member %1 identified.": "已识别会员 %1。",
    "No member with phone %1: enrol them now, or Esc to go on without.":
        "手机号 %1 还不是会员：现在办理入会，或按 Esc 不用会员继续。",
    "Enrolment cancelled.": "已取消入会。",
    "A quantity is from 1 to 999.": "数量为 1 到 999。",
    "This is an amount-only sale; Esc to start over with items.": "当前是按金额收款；按 Esc 重新开始扫商品。",
    "%1 added.": "已加入 %1。",
    "No product with barcode or name \"%1\".": "没有条码或名称为“%1”的商品。",
    "Several products match; type more or scan: %1": "有多个商品匹配，请继续输入或扫码：%1",
    "The cart has items; an amount-only sale starts with an empty cart (Esc).":
        "购物车里已有商品；按金额收款需要空购物车（Esc）。",
    "\"%1\" is not an amount in yuan (like 12.50).": "“%1”不是有效金额（如 12.50）。",
    "none": "无",
    "Amount only": "按金额收款",
    "%1 green": "%1 绿色",
    "identify a member to earn points": "识别会员后才能积分",
    "%1 (green %2)": "%1（绿色 %2）",
    "saves %1 yuan (at most %2 points)": "抵扣 %1 元（最多 %2 积分）",
    "at most %1 points": "最多可用 %1 积分",
    "The cart is empty: scan an item or enter an amount (F5).": "购物车是空的：请扫商品或输入金额（F5）。",
    "The sale was not recorded: %1": "本单未记录：%1",
    "Sale %1 recorded: %2 points earned, %3 pending the store's budget.":
        "单据 %1 已记录：获得 %2 积分，另有 %3 积分待门店预算发放。",
    "Sale %1 recorded: %2 points earned.": "单据 %1 已记录：获得 %2 积分。",
    "Sale cancelled.": "已取消本单。",
    "The member agrees to the privacy terms (F9)": "会员同意隐私条款 (F9)",
    "Enrol a new member": "新会员入会",
    "Phone": "手机号",
    "Name": "姓名",
    "Points are recorded with the phone number; it is shown only masked and never shared outside the points program.":
        "积分以手机号记录；手机号只显示部分号码，不会提供给积分计划以外的任何人。",
    "Enrol (Enter)": "入会 (回车)",
    "The member's consent to the privacy terms is required.": "必须征得会员同意隐私条款。",
    "Not enrolled: %1": "未能入会：%1",
    "Enrolled, but the member cannot be read back: %1": "已入会，但无法读取会员信息：%1",
    "Tier": "等级",
    "Green points": "绿色积分",
    "Expiring in 90 days": "90 天内到期",
    "%1 (first on %2)": "%1（最早 %2 到期）",
    "no member": "未识别会员",
    "Jifen points — checkout": "积分收银台",
    "F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · F9 remove line · F10 sync · F11 redeem · F12 pay · Shift+F12 refund · Esc cancel":
        "F2 会员 · F3 商品 · F4 数量 · F5 金额 · F6 积分抵扣 · F7 支付方式 · F8 重打 · F9 删除一行 · F10 同步 · F11 兑换 · F12 结账 · Shift+F12 退款 · Esc 取消",
    "Scan the receipt's QR code or type the receipt number": "扫小票二维码或输入单号",
    "empty: refund everything not yet refunded": "留空：退还尚未退款的全部金额",
    "Receipt no. (F2)": "单号 (F2)",
    "Amount to refund, yuan (F4)": "退款金额，元 (F4)",
    "Refunds — Enter or F12 refunds, Esc back to checkout": "退款 —— 回车或 F12 退款，Esc 返回收银",
    "Scan or type the receipt number first (F2).": "请先扫描或输入单号（F2）。",
    "Not refunded: %1": "未退款：%1",
    "Refunded %1 yuan of %2: %3 points taken back, %4 offset points returned; balance %5.%6":
        "单据 %2 已退款 %1 元：扣回 %3 积分，退回抵扣积分 %4；余额 %5。%6",
    "The sale is fully refunded.": "该单已全部退款。",
    "Manager approval": "店长授权",
    "Approve (Enter)": "授权 (回车)",
    "Manager PIN": "店长密码",
    "Search rewards by name or code; Up/Down to choose, Enter to redeem": "按名称或编码搜索礼品；上下键选择，回车兑换",
    "Reward": "礼品",
    "Points today": "今日所需积分",
    "Stock": "库存",
    "Green only": "仅限绿色积分",
    "Manager": "需店长",
    "Reward (F3)": "礼品 (F3)",
    "Redeem points — F12 or Enter redeems, Esc back to checkout": "积分兑换 —— F12 或回车兑换，Esc 返回收银",
    "The catalog cannot be read: %1": "无法读取礼品目录：%1",
    "No member found for \"%1\"; enrol new members at the checkout.": "没有找到“%1”对应的会员；新会员请在收银台入会。",
    "—": "—",
    "green": "绿色",
    "PIN": "需密码",
    "Identify the member first (F2).": "请先识别会员（F2）。",
    "No reward chosen: type part of its name.": "未选择礼品：请输入礼品名称的一部分。",
    "%1 × %2 for %3 points needs a manager's approval.": "%1 × %2，共 %3 积分，需要店长授权。",
    "Not approved: %1": "未授权：%1",
    "Not redeemed: %1": "未兑换：%1",
    "Redeemed %1 × %2 for %3 points; balance %4.": "已兑换 %1 × %2，使用 %3 积分；余额 %4。",
    "Voucher code: %1": "券码：%1",
    "Receipt printed.": "小票已打印。",
    "The receipt cannot be encoded: %1": "小票无法编码：%1",
    "No receipt to reprint yet.": "还没有可重打的小票。",
    "No receipt printer is configured (start with --printer).": "未配置小票打印机（启动时加 --printer）。",
    "The printer %1 cannot be written: %2": "无法写入打印机 %1：%2",
    "The printer address %1 is not tcp://host:port.": "打印机地址 %1 不是 tcp://主机:端口 格式。",
    "The printer %1 did not take the receipt: %2": "打印机 %1 未接收小票：%2",
    "The printer %1 timed out.": "打印机 %1 超时。",
    "Sync now (F10)": "立即同步 (F10)",
    "Sync status unknown": "同步状态未知",
    "never": "从未",
    "Syncing…": "正在同步…",
    "Not enrolled with HQ": "未在总部注册",
    "Offline": "离线",
    "Online": "在线",
    "%n entries not yet at HQ, last sync %1": "%n 条记录未上传总部，上次同步 %1",
    "Syncing… %1 of %2": "正在同步… %1 / %2",
}

path = sys.argv[1] if len(sys.argv) > 1 else "translations/jifen_zh_CN.ts"
text = open(path, encoding="utf-8").read()
missing = []


def fill(m):
    attrs, source, rest = m.group(1), m.group(2), m.group(3)
    key = html.unescape(source)
    zh = ZH.get(key)
    if zh is None:
        missing.append(key)
        return m.group(0)
    esc = html.escape(zh, quote=False)
    if 'numerus="yes"' in attrs:
        tr = "<translation>\n            <numerusform>%s</numerusform>\n        </translation>" % esc
    else:
        tr = "<translation>%s</translation>" % esc
    return "<message%s>\n        <source>%s</source>\n        %s" % (attrs, source, tr)


text = re.sub(r'<message([^>]*)>\s*<source>(.*?)</source>\s*(<translation[^>]*>.*?</translation>|<translation[^>]*/>)',
              lambda m: fill(m), text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
for k in missing:
    print("untranslated:", k)
