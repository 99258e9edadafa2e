<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Receipt</name>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Sales receipt</source>
        <translation>销售小票</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Points offset %1</source>
        <translation>积分抵扣 %1</translation>
    </message>
    <message>
        <source>Paid (%1)</source>
        <translation>实付（%1）</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>  of which green</source>
        <translation>  其中绿色积分</translation>
    </message>
    <message>
        <source>Points pending</source>
        <translation>待发放积分</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Green points balance</source>
        <translation>绿色积分余额</translation>
    </message>
    <message>
        <source>Expiring %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>Thank you, please come again</source>
        <translation>谢谢惠顾，欢迎再来</translation>
    </message>
</context>
<context>
    <name>jifen::CheckoutScreen</name>
    <message>
        <source>The rule set cannot be read; sales are not possible. Run `jifen init` for this data directory.</source>
        <translation>无法读取积分规则，暂时不能收银。请先对该数据目录运行 `jifen init`。</translation>
    </message>
    <message>
        <source>Scan the member card or type the phone, then Enter</source>
        <translation>扫会员卡或输入手机号，按回车</translation>
    </message>
    <message>
        <source>Scan a barcode, type a SKU or a name (3*SKU for three)</source>
        <translation>扫条码，或输入货号/品名（3*货号 表示三件）</translation>
    </message>
    <message>
        <source>yuan, e.g. 12.50</source>
        <translation>金额（元），如 12.50</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Complete sale (F12)</source>
        <translation>结账 (F12)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Reprint last receipt (F8)</source>
        <translation>重打上一张小票 (F8)</translation>
    </message>
    <message>
        <source>Member (F2)</source>
        <translation>会员 (F2)</translation>
    </message>
    <message>
        <source>Item (F3)</source>
        <translation>商品 (F3)</translation>
    </message>
    <message>
        <source>Qty (F4)</source>
        <translation>数量 (F4)</translation>
    </message>
    <message>
        <source>Amount only (F5)</source>
        <translation>按金额收款 (F5)</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Points to earn</source>
        <translation>预计积分</translation>
    </message>
    <message>
        <source>Points offset (F6)</source>
        <translation>积分抵扣 (F6)</translation>
    </message>
    <message>
        <source>Tender (F7)</source>
        <translation>支付方式 (F7)</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>上一张小票</translation>
    </message>
    <message>
        <source>The member cannot be read: %1</source>
        <translation>无法读取会员：%1</translation>
    </message>
    <message>
        <source>No member has card %1. Type the member&apos;s phone to find or enrol them.</source>
        <translation>没有卡号为 %1 的会员。请输入手机号查找或办理入会。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a mobile number nor a member card.</source>
        <translation>“%1”既不是手机号，也不是会员卡号。</translation>
    </message>
    <message>
        <source>Member %1 identified.</source>
        <translation>已识别会员 %1。</translation>
    </message>
    <message>
        <source>No member with phone %1: enrol them now, or Esc to go on without.</source>
        <translation>手机号 %1 还不是会员：现在办理入会，或按 Esc 不用会员继续。</translation>
    </message>
    <message>
        <source>Enrolment cancelled.</source>
        <translation>已取消入会。</translation>
    </message>
    <message>
        <source>A quantity is from 1 to 999.</source>
        <translation>数量为 1 到 999。</translation>
    </message>
    <message>
        <source>This is an amount-only sale; Esc to start over with items.</source>
        <translation>当前是按金额收款；按 Esc 重新开始扫商品。</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>已加入 %1。</translation>
    </message>
    <message>
        <source>No product with barcode or name &quot;%1&quot;.</source>
        <translation>没有条码或名称为“%1”的商品。</translation>
    </message>
    <message>
        <source>Several products match; type more or scan: %1</source>
        <translation>有多个商品匹配，请继续输入或扫码：%1</translation>
    </message>
    <message>
        <source>The cart has items; an amount-only sale starts with an empty cart (Esc).</source>
        <translation>购物车里已有商品；按金额收款需要空购物车（Esc）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan (like 12.50).</source>
        <translation>“%1”不是有效金额（如 12.50）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Amount only</source>
        <translation>按金额收款</translation>
    </message>
    <message>
        <source>%1 green</source>
        <translation>%1 绿色</translation>
    </message>
    <message>
        <source>identify a member to earn points</source>
        <translation>识别会员后才能积分</translation>
    </message>
    <message>
        <source>%1 (green %2)</source>
        <translation>%1（绿色 %2）</translation>
    </message>
    <message>
        <source>saves %1 yuan (at most %2 points)</source>
        <translation>抵扣 %1 元（最多 %2 积分）</translation>
    </message>
    <message>
        <source>at most %1 points</source>
        <translation>最多可用 %1 积分</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item or enter an amount (F5).</source>
        <translation>购物车是空的：请扫商品或输入金额（F5）。</translation>
    </message>
    <message>
        <source>The sale was not recorded: %1</source>
        <translation>本单未记录：%1</translation>
    </message>
    <message>
        <source>Sale %1 recorded: %2 points earned, %3 pending the store&apos;s budget.</source>
        <translation>单据 %1 已记录：获得 %2 积分，另有 %3 积分待门店预算发放。</translation>
    </message>
    <message>
        <source>Sale %1 recorded: %2 points earned.</source>
        <translation>单据 %1 已记录：获得 %2 积分。</translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation>已取消本单。</translation>
    </message>
    <message>
        <source>Jifen points · store %1</source>
        <translation>积分好店 · 门店 %1</translation>
    </message>
</context>
<context>
    <name>jifen::EnrolDialog</name>
    <message>
        <source>The member agrees to the privacy terms (F9)</source>
        <translation>会员同意隐私条款 (F9)</translation>
    </message>
    <message>
        <source>Enrol a new member</source>
        <translation>新会员入会</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Points are recorded with the phone number; it is shown only masked and never shared outside the points program.</source>
        <translation>积分以手机号记录；手机号只显示部分号码，不会提供给积分计划以外的任何人。</translation>
    </message>
    <message>
        <source>Enrol (Enter)</source>
        <translation>入会 (回车)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>The member&apos;s consent to the privacy terms is required.</source>
        <translation>必须征得会员同意隐私条款。</translation>
    </message>
    <message>
        <source>Not enrolled: %1</source>
        <translation>未能入会：%1</translation>
    </message>
    <message>
        <source>Enrolled, but the member cannot be read back: %1</source>
        <translation>已入会，但无法读取会员信息：%1</translation>
    </message>
</context>
<context>
    <name>jifen::ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>授权 (回车)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
</context>
<context>
    <name>jifen::MemberPanel</name>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Green points</source>
        <translation>绿色积分</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>90 天内到期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (first on %2)</source>
        <translation>%1（最早 %2 到期）</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>未识别会员</translation>
    </message>
</context>
<context>
    <name>jifen::PosMainWindow</name>
    <message>
        <source>Jifen points — checkout</source>
        <translation>积分收银台</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>小票已打印。</translation>
    </message>
    <message>
        <source>The receipt cannot be encoded: %1</source>
        <translation>小票无法编码：%1</translation>
    </message>
    <message>
        <source>No receipt to reprint yet.</source>
        <translation>还没有可重打的小票。</translation>
    </message>
    <message>
        <source>No receipt printer is configured (start with --printer).</source>
        <translation>未配置小票打印机（启动时加 --printer）。</translation>
    </message>
    <message>
        <source>F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · F9 remove line · F10 sync · F11 redeem · F12 pay · Shift+F12 refund · Esc cancel</source>
        <translation>F2 会员 · F3 商品 · F4 数量 · F5 金额 · F6 积分抵扣 · F7 支付方式 · F8 重打 · F9 删除一行 · F10 同步 · F11 兑换 · F12 结账 · Shift+F12 退款 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>jifen::ReceiptPrinter</name>
    <message>
        <source>No receipt printer is configured (start with --printer).</source>
        <translation>未配置小票打印机（启动时加 --printer）。</translation>
    </message>
    <message>
        <source>The printer %1 cannot be written: %2</source>
        <translation>无法写入打印机 %1：%2</translation>
    </message>
    <message>
        <source>The printer address %1 is not tcp://host:port.</source>
        <translation>打印机地址 %1 不是 tcp://主机:端口 格式。</translation>
    </message>
    <message>
        <source>The printer %1 did not take the receipt: %2</source>
        <translation>打印机 %1 未接收小票：%2</translation>
    </message>
    <message>
        <source>The printer %1 timed out.</source>
        <translation>打印机 %1 超时。</translation>
    </message>
</context>
<context>
    <name>jifen::RedeemScreen</name>
    <message>
        <source>Scan the member card or type the phone, then Enter</source>
        <translation>扫会员卡或输入手机号，按回车</translation>
    </message>
    <message>
        <source>Search rewards by name or code; Up/Down to choose, Enter to redeem</source>
        <translation>按名称或编码搜索礼品；上下键选择，回车兑换</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points today</source>
        <translation>今日所需积分</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Green only</source>
        <translation>仅限绿色积分</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>需店长</translation>
    </message>
    <message>
        <source>Member (F2)</source>
        <translation>会员 (F2)</translation>
    </message>
    <message>
        <source>Reward (F3)</source>
        <translation>礼品 (F3)</translation>
    </message>
    <message>
        <source>Qty (F4)</source>
        <translation>数量 (F4)</translation>
    </message>
    <message>
        <source>Redeem points — F12 or Enter redeems, Esc back to checkout</source>
        <translation>积分兑换 —— F12 或回车兑换，Esc 返回收银</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>无法读取礼品目录：%1</translation>
    </message>
    <message>
        <source>No member found for &quot;%1&quot;; enrol new members at the checkout.</source>
        <translation>没有找到“%1”对应的会员；新会员请在收银台入会。</translation>
    </message>
    <message>
        <source>Member %1 identified.</source>
        <translation>已识别会员 %1。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>需密码</translation>
    </message>
    <message>
        <source>Identify the member first (F2).</source>
        <translation>请先识别会员（F2）。</translation>
    </message>
    <message>
        <source>No reward chosen: type part of its name.</source>
        <translation>未选择礼品：请输入礼品名称的一部分。</translation>
    </message>
    <message>
        <source>%1 × %2 for %3 points needs a manager&apos;s approval.</source>
        <translation>%1 × %2，共 %3 积分，需要店长授权。</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>未授权：%1</translation>
    </message>
    <message>
        <source>Not redeemed: %1</source>
        <translation>未兑换：%1</translation>
    </message>
    <message>
        <source>Redeemed %1 × %2 for %3 points; balance %4.</source>
        <translation>已兑换 %1 × %2，使用 %3 积分；余额 %4。</translation>
    </message>
    <message>
        <source>Voucher code: %1</source>
        <translation>券码：%1</translation>
    </message>
</context>
<context>
    <name>jifen::RefundScreen</name>
    <message>
        <source>Scan the receipt&apos;s QR code or type the receipt number</source>
        <translation>扫小票二维码或输入单号</translation>
    </message>
    <message>
        <source>empty: refund everything not yet refunded</source>
        <translation>留空：退还尚未退款的全部金额</translation>
    </message>
    <message>
        <source>Receipt no. (F2)</source>
        <translation>单号 (F2)</translation>
    </message>
    <message>
        <source>Amount to refund, yuan (F4)</source>
        <translation>退款金额，元 (F4)</translation>
    </message>
    <message>
        <source>Refunds — Enter or F12 refunds, Esc back to checkout</source>
        <translation>退款 —— 回车或 F12 退款，Esc 返回收银</translation>
    </message>
    <message>
        <source>Scan or type the receipt number first (F2).</source>
        <translation>请先扫描或输入单号（F2）。</translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation>未退款：%1</translation>
    </message>
    <message>
        <source>Refunded %1 yuan of %2: %3 points taken back, %4 offset points returned; balance %5.%6</source>
        <translation>单据 %2 已退款 %1 元：扣回 %3 积分，退回抵扣积分 %4；余额 %5。%6</translation>
    </message>
    <message>
        <source>The sale is fully refunded.</source>
        <translation>该单已全部退款。</translation>
    </message>
</context>
<context>
    <name>jifen::SyncStatusWidget</name>
    <message>
        <source>Sync now (F10)</source>
        <translation>立即同步 (F10)</translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation>同步状态未知</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not enrolled with HQ</source>
        <translation>未在总部注册</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message numerus="yes">
        <source>%n entries not yet at HQ, last sync %1</source>
        <translation>
            <numerusform>%n 条记录未上传总部，上次同步 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation>正在同步… %1 / %2</translation>
    </message>
</context>
</TS>
