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
    <message>
        <source>Redemption receipt</source>
        <translation>兑换小票</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 积分</numerusform>
        </translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>消耗积分</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
</context>
<context>
    <name>jifen::AdjustmentsTab</name>
    <message>
        <source>Member&apos;s phone or card</source>
        <translation>会员手机号或卡号</translation>
    </message>
    <message>
        <source>Why (required), then Enter</source>
        <translation>原因（必填），按回车</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points (+/-)</source>
        <translation>积分（+/-）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>An adjustment needs a reason: type why, then Enter.</source>
        <translation>调整积分必须填写原因：输入原因后按回车。</translation>
    </message>
    <message>
        <source>Not adjusted: %1</source>
        <translation>未调整：%1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n point(s); balance %1.</source>
        <translation>
            <numerusform>已增加 %n 积分；余额 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took off %n point(s); balance %1.</source>
        <translation>
            <numerusform>已扣减 %n 积分；余额 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Backup</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (%2)</source>
        <translation>%1 不是 SQLite 数据库（%2）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot check %1: %2</source>
        <translation>无法检查 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation>%1 处没有数据库</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file</source>
        <translation>%1 已存在；备份从不覆盖已有文件</translation>
    </message>
    <message>
        <source>directory %1 does not exist</source>
        <translation>目录 %1 不存在</translation>
    </message>
    <message>
        <source>the backup cannot be the database itself</source>
        <translation>备份不能写到数据库文件本身</translation>
    </message>
    <message>
        <source>cannot back up %1: %2</source>
        <translation>无法备份 %1：%2</translation>
    </message>
    <message>
        <source>backup of %1 failed: %2</source>
        <translation>%1 备份失败：%2</translation>
    </message>
    <message>
        <source>the copy of %1 did not pass its integrity check: %2</source>
        <translation>%1 的备份副本未通过完整性检查：%2</translation>
    </message>
    <message>
        <source>cannot move the backup into place at %1</source>
        <translation>无法把备份移到 %1</translation>
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
        <source>The cart is empty: scan an item or enter an amount (F5).</source>
        <translation>购物车是空的：请扫商品或输入金额（F5）。</translation>
    </message>
    <message>
        <source>The sale was not recorded: %1</source>
        <translation>本单未记录：%1</translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation>已取消本单。</translation>
    </message>
    <message>
        <source>Jifen points · store %1</source>
        <translation>积分好店 · 门店 %1</translation>
    </message>
    <message numerus="yes">
        <source>saves %1 yuan (at most %n point(s))</source>
        <translation>
            <numerusform>抵扣 %1 元（最多 %n 积分）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n point(s)</source>
        <translation>
            <numerusform>最多可用 %n 积分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sale %1 recorded: %n point(s) earned, %2 pending the store&apos;s budget.</source>
        <translation>
            <numerusform>单据 %1 已记录：获得 %n 积分，另有 %2 积分待门店预算发放。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sale %1 recorded: %n point(s) earned.</source>
        <translation>
            <numerusform>单据 %1 已记录：获得 %n 积分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt as PDF (Shift+F8)</source>
        <translation>小票存为PDF (Shift+F8)</translation>
    </message>
    <message>
        <source>The last receipt cannot be read back: %1</source>
        <translation>无法读取上一张小票：%1</translation>
    </message>
</context>
<context>
    <name>jifen::Clock</name>
    <message>
        <source>date %1 is not in the form YYYY-MM-DD</source>
        <translation>日期 %1 不符合 YYYY-MM-DD 格式</translation>
    </message>
    <message>
        <source>date %1 does not exist</source>
        <translation>日期 %1 不存在</translation>
    </message>
    <message>
        <source>time %1 is not an ISO 8601 instant like 2026-11-23T10:00:00+08:00</source>
        <translation>时间 %1 不是 ISO 8601 格式的时刻（如 2026-11-23T10:00:00+08:00）</translation>
    </message>
</context>
<context>
    <name>jifen::DayReportTab</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The day report cannot be made: %1</source>
        <translation>无法生成日报：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1 yuan; %2 points issued (%3 green), %4 redeemed, %5 offset, %6 donated.</source>
        <translation>
            <numerusform>%n 笔销售，%1 元；发放 %2 积分（其中绿色 %3），兑换 %4，抵扣 %5，捐赠 %6。</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Points per hour</source>
        <translation>每小时积分</translation>
    </message>
    <message>
        <source>Sales (yuan)</source>
        <translation>销售额（元）</translation>
    </message>
    <message>
        <source>(no cashier)</source>
        <translation>（无收银员）</translation>
    </message>
    <message>
        <source>Sales per cashier</source>
        <translation>各收银员销售额</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Making the report for %1…</source>
        <translation>正在生成 %1 的报表…</translation>
    </message>
</context>
<context>
    <name>jifen::DonationsTab</name>
    <message>
        <source>Member&apos;s phone or card</source>
        <translation>会员手机号或卡号</translation>
    </message>
    <message>
        <source>Charity</source>
        <translation>公益项目</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>配捐</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>The charities cannot be read: %1</source>
        <translation>无法读取公益项目：%1</translation>
    </message>
    <message>
        <source>Not donated: %1</source>
        <translation>未捐赠：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) donated, matched with %1; balance %2.</source>
        <translation>
            <numerusform>已捐赠 %n 积分，配捐 %1；余额 %2。</numerusform>
        </translation>
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
    <name>jifen::ErrorText</name>
    <message>
        <source>Correct the entry and try again.</source>
        <translation>请更正输入后重试。</translation>
    </message>
    <message>
        <source>Nothing was recorded; ask the manager if it should be allowed.</source>
        <translation>未作任何记录；如需允许，请询问店长。</translation>
    </message>
    <message>
        <source>Check the number, or scan again.</source>
        <translation>请核对号码，或重新扫描。</translation>
    </message>
    <message>
        <source>Nothing was recorded. Try once more; if it fails again, call the manager (the terminal&apos;s storage may be full or damaged).</source>
        <translation>未作任何记录。请再试一次；如仍失败，请联系店长（终端存储可能已满或损坏）。</translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi; the terminal keeps working offline and syncs by itself.</source>
        <translation>请检查网线或 Wi-Fi；终端可离线继续工作，并会自动同步。</translation>
    </message>
</context>
<context>
    <name>jifen::GreenTab</name>
    <message>
        <source>Member&apos;s phone or card, then Enter</source>
        <translation>会员手机号或卡号，按回车</translation>
    </message>
    <message>
        <source>Answered a survey</source>
        <translation>填写问卷</translation>
    </message>
    <message>
        <source>Attended a training</source>
        <translation>参加培训</translation>
    </message>
    <message>
        <source>Shared a green tip</source>
        <translation>分享环保小贴士</translation>
    </message>
    <message>
        <source>Grant green points</source>
        <translation>发放绿色积分</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Green actions earn green points; beyond the terminal&apos;s monthly allowance they are deferred until HQ grants more.</source>
        <translation>绿色行为可获得绿色积分；超出本终端每月额度的部分暂缓发放，待总部增加额度。</translation>
    </message>
    <message>
        <source>Not granted: %1</source>
        <translation>未发放：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n green point(s) granted; green balance %1.</source>
        <translation>
            <numerusform>已发放 %n 绿色积分；绿色积分余额 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) deferred (allowance used up).</source>
        <translation>
            <numerusform>%n 积分暂缓发放（额度已用完）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::HouseholdsTab</name>
    <message>
        <source>Head&apos;s phone (Enter shows the household)</source>
        <translation>户主手机号（回车查看家庭）</translation>
    </message>
    <message>
        <source>Member&apos;s phone to add</source>
        <translation>要加入的会员手机号</translation>
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
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Sent this month</source>
        <translation>本月转出</translation>
    </message>
    <message>
        <source>From phone</source>
        <translation>转出手机号</translation>
    </message>
    <message>
        <source>To phone</source>
        <translation>转入手机号</translation>
    </message>
    <message>
        <source>Create household</source>
        <translation>建立家庭</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>加入成员</translation>
    </message>
    <message>
        <source>Transfer points</source>
        <translation>转赠积分</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>Transfer within the household</source>
        <translation>家庭内转赠积分</translation>
    </message>
    <message>
        <source>No household: %1</source>
        <translation>没有家庭：%1</translation>
    </message>
    <message numerus="yes">
        <source>Household of %1: %n member(s), at most %2 points sent per member a month.</source>
        <translation>
            <numerusform>%1 的家庭：%n 名成员，每人每月最多转出 %2 积分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>未建立：%1</translation>
    </message>
    <message>
        <source>Household created for %1.</source>
        <translation>已为 %1 建立家庭。</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未加入：%1</translation>
    </message>
    <message>
        <source>Member added.</source>
        <translation>成员已加入。</translation>
    </message>
    <message>
        <source>Not transferred: %1</source>
        <translation>未转赠：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) transferred; balances now %1 and %2.</source>
        <translation>
            <numerusform>已转赠 %n 积分；双方余额现为 %1 和 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Identity</name>
    <message>
        <source>phone number is empty</source>
        <translation>手机号为空</translation>
    </message>
    <message>
        <source>phone number %1 is not a mainland mobile number (11 digits, 13x-19x)</source>
        <translation>手机号 %1 不是中国大陆手机号（11 位，以 13-19 开头）</translation>
    </message>
    <message>
        <source>card number is empty</source>
        <translation>会员卡号为空</translation>
    </message>
    <message>
        <source>card number must be 4-32 letters, digits or dashes</source>
        <translation>会员卡号须为 4-32 位字母、数字或短横线</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1不能为空</translation>
    </message>
    <message>
        <source>%1 is longer than 64 characters</source>
        <translation>%1不能超过 64 个字符</translation>
    </message>
    <message>
        <source>%1 contains control characters</source>
        <translation>%1含有控制字符</translation>
    </message>
    <message>
        <source>--ref is empty; every write needs a client reference</source>
        <translation>--ref 为空；每次写入都需要客户端单号</translation>
    </message>
    <message>
        <source>reference must be 1-64 characters of letters, digits and . _ : -</source>
        <translation>单号须为 1-64 个字符，只能包含字母、数字和 . _ : -</translation>
    </message>
    <message>
        <source>%1 must be 1-32 letters, digits, _ or -</source>
        <translation>%1须为 1-32 位字母、数字、_ 或 -</translation>
    </message>
</context>
<context>
    <name>jifen::IncidentsTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Incidents HQ raised about this store, as of the last sync.</source>
        <translation>总部针对本店提出的异常（截至上次同步）。</translation>
    </message>
    <message>
        <source>The incidents cannot be read: %1</source>
        <translation>无法读取异常：%1</translation>
    </message>
    <message>
        <source>No incidents.</source>
        <translation>没有异常。</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s).</source>
        <translation>
            <numerusform>%n 条异常。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::Ledger</name>
    <message>
        <source>store id</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>terminal id</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <source>the built-in rule set is invalid: %1</source>
        <translation>内置积分规则无效：%1</translation>
    </message>
    <message>
        <source>this data directory already belongs to terminal %1 of store %2 (%3); a terminal&apos;s identity never changes</source>
        <translation>该数据目录已属于门店 %2 的终端 %1（%3）；终端身份不能更改</translation>
    </message>
    <message>
        <source>a member needs a phone number or a card number</source>
        <translation>会员须有手机号或会员卡号</translation>
    </message>
    <message>
        <source>member name</source>
        <translation>会员姓名</translation>
    </message>
    <message>
        <source>member kind &quot;%1&quot; is not one of person, enterprise, institution</source>
        <translation>会员类型“%1”无效，应为 person（个人）、enterprise（企业）或 institution（机构）</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>卡号 %1</translation>
    </message>
    <message>
        <source>a member with %1 already exists</source>
        <translation>会员已存在：%1</translation>
    </message>
    <message>
        <source>limit must be positive and offset not negative</source>
        <translation>limit 须为正数，offset 不能为负数</translation>
    </message>
    <message>
        <source>--after must not be negative</source>
        <translation>--after 不能为负数</translation>
    </message>
    <message>
        <source>operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <source>role &quot;%1&quot; is not cashier or manager</source>
        <translation>角色“%1”无效，应为 cashier（收银员）或 manager（店长）</translation>
    </message>
    <message>
        <source>a PIN is 4 to 8 digits</source>
        <translation>密码须为 4 至 8 位数字</translation>
    </message>
    <message>
        <source>an operator named %1 already exists</source>
        <translation>已有名为 %1 的操作员</translation>
    </message>
    <message>
        <source>this needs a manager&apos;s approval: give the manager PIN (--pin)</source>
        <translation>此操作需要店长授权：请输入店长密码（--pin）</translation>
    </message>
    <message>
        <source>manager approval is locked after 5 wrong PINs; try again after %1</source>
        <translation>店长密码已连续输错 5 次，授权已锁定；请在 %1 之后再试</translation>
    </message>
    <message>
        <source>no manager is registered on this terminal; add one with `jifen operator add --role manager`</source>
        <translation>本终端还没有登记店长；请用 `jifen operator add --role manager` 添加</translation>
    </message>
    <message>
        <source>wrong manager PIN; approval is now locked for 5 minutes</source>
        <translation>店长密码错误；授权已锁定 5 分钟</translation>
    </message>
    <message>
        <source>wrong manager PIN (%1 of 5 attempts)</source>
        <translation>店长密码错误（第 %1 次，共可试 5 次）</translation>
    </message>
    <message>
        <source>the expiry date is not a valid date</source>
        <translation>到期日期无效</translation>
    </message>
    <message>
        <source>cannot expire points as of %1, which is after today (%2): points are never taken before their time</source>
        <translation>不能按 %1 作废积分，该日期晚于今天（%2）：积分不会提前作废</translation>
    </message>
    <message>
        <source>month %1 is not in the form YYYY-MM</source>
        <translation>月份 %1 不符合 YYYY-MM 格式</translation>
    </message>
    <message>
        <source>an allowance is a whole number of points from 0 to 10^12</source>
        <translation>积分额度须为 0 到 10^12 之间的整数</translation>
    </message>
    <message>
        <source>the %1 allowance cannot go below the %2 points already issued</source>
        <translation>%1 的积分额度不能低于已发放的 %2 积分</translation>
    </message>
    <message>
        <source>compliance rule 4 (no transfer between unrelated members): %1; points move only inside one household</source>
        <translation>合规规则 4（无关联的会员之间不得转赠）：%1；积分只能在同一家庭内转赠</translation>
    </message>
    <message>
        <source>%1 is already in a household</source>
        <translation>%1 已加入一个家庭</translation>
    </message>
    <message>
        <source>%1 does not head a household</source>
        <translation>%1 不是任何家庭的户主</translation>
    </message>
    <message>
        <source>%1 is already in this household</source>
        <translation>%1 已在该家庭中</translation>
    </message>
    <message>
        <source>%1 is already in another household</source>
        <translation>%1 已加入另一个家庭</translation>
    </message>
    <message>
        <source>the household is full (%1 members at most)</source>
        <translation>该家庭已满（最多 %1 名成员）</translation>
    </message>
    <message>
        <source>the head cannot leave the household they head</source>
        <translation>户主不能退出自己的家庭</translation>
    </message>
    <message>
        <source>%1 is not in this household</source>
        <translation>%1 不在该家庭中</translation>
    </message>
    <message>
        <source>%1 is not in a household</source>
        <translation>%1 没有加入任何家庭</translation>
    </message>
    <message>
        <source>a transfer is a positive whole number of points</source>
        <translation>转赠的积分须为正整数</translation>
    </message>
    <message>
        <source>a member cannot transfer to themselves</source>
        <translation>会员不能转赠给自己</translation>
    </message>
    <message>
        <source>%1 and %2 are not in the same household</source>
        <translation>%1 和 %2 不在同一个家庭</translation>
    </message>
    <message>
        <source>%1 and %2 are no longer in the same household</source>
        <translation>%1 和 %2 已不在同一个家庭</translation>
    </message>
    <message>
        <source>the monthly transfer limit is %1 points; %2 already sent this month</source>
        <translation>每月转赠上限为 %1 积分；本月已转出 %2</translation>
    </message>
    <message>
        <source>not enough points to transfer: balance %1, asked %2</source>
        <translation>积分不足，无法转赠：余额 %1，需要 %2</translation>
    </message>
    <message>
        <source>a transfer</source>
        <translation>本次转赠</translation>
    </message>
    <message>
        <source>this terminal is not initialised; run `jifen init --store S --terminal T`</source>
        <translation>本终端尚未初始化；请运行 `jifen init --store S --terminal T`</translation>
    </message>
    <message>
        <source>no rule set loaded; run `jifen init` first</source>
        <translation>尚未加载积分规则；请先运行 `jifen init`</translation>
    </message>
    <message>
        <source>rule set %1 vanished while loading</source>
        <translation>积分规则 %1 在加载时不见了</translation>
    </message>
    <message>
        <source>the stored rule set %1 no longer loads: %2</source>
        <translation>已保存的积分规则 %1 无法加载：%2</translation>
    </message>
    <message>
        <source>member #%1 not found</source>
        <translation>找不到会员 #%1</translation>
    </message>
    <message>
        <source>give either a phone number or a card number, not both</source>
        <translation>手机号和会员卡号只能填一个，不能都填</translation>
    </message>
    <message>
        <source>a member is needed: give --phone or --card</source>
        <translation>需要指定会员：请给出 --phone 或 --card</translation>
    </message>
    <message>
        <source>no member with %1</source>
        <translation>找不到会员：%1</translation>
    </message>
    <message>
        <source>reference %1 was already used for a different %2; a retry must repeat the same request, a new request needs a new --ref</source>
        <translation>单号 %1 已用于另一笔不同的 %2；重试必须与原请求完全相同，新请求需要新的 --ref</translation>
    </message>
    <message>
        <source>lot %1 of this member is missing</source>
        <translation>该会员的积分批次 %1 丢失</translation>
    </message>
    <message>
        <source>the balance row of member %1 is missing</source>
        <translation>会员 %1 的余额记录丢失</translation>
    </message>
    <message>
        <source>lot %1 is missing</source>
        <translation>积分批次 %1 丢失</translation>
    </message>
    <message>
        <source>compliance rule %1 (%2): %3</source>
        <translation>合规规则 %1（%2）：%3</translation>
    </message>
    <message>
        <source>no operator named %1 on this terminal</source>
        <translation>本终端没有名为 %1 的操作员</translation>
    </message>
    <message>
        <source>green action &quot;%1&quot; is not one of %2</source>
        <translation>绿色行为“%1”无效，可选：%2</translation>
    </message>
    <message>
        <source>points only for consumption or recorded green actions</source>
        <translation>积分只能来自消费或已登记的绿色行为</translation>
    </message>
    <message>
        <source>the monthly cap of %1 green points from actions is reached (%2 this month, %3 more asked)</source>
        <translation>绿色行为积分已达每月上限 %1（本月已得 %2，本次还要 %3）</translation>
    </message>
    <message>
        <source>an adjustment is a non-zero whole number of points</source>
        <translation>调整的积分须为非零整数</translation>
    </message>
    <message>
        <source>points only for consumption or recorded actions</source>
        <translation>积分只能来自消费或已登记的行为</translation>
    </message>
    <message>
        <source>an adjustment needs a reason (--reason)</source>
        <translation>调整积分必须填写原因（--reason）</translation>
    </message>
    <message>
        <source>the reason is longer than 200 characters</source>
        <translation>原因不能超过 200 个字符</translation>
    </message>
    <message>
        <source>issuance within the marketing budget</source>
        <translation>积分发放不得超出营销预算</translation>
    </message>
    <message>
        <source>this terminal has %1 points of allowance left this month, the adjustment asks %2</source>
        <translation>本终端本月剩余积分额度 %1，本次调整需要 %2</translation>
    </message>
    <message>
        <source>an adjustment cannot take more than the balance (%1 available, %2 asked)</source>
        <translation>扣减的积分不能超过余额（可用 %1，要扣 %2）</translation>
    </message>
    <message>
        <source>a donation is a positive whole number of points</source>
        <translation>捐赠的积分须为正整数</translation>
    </message>
    <message>
        <source>no registered charity %1</source>
        <translation>没有已登记的公益项目 %1</translation>
    </message>
    <message>
        <source>not enough points to donate: balance %1, asked %2</source>
        <translation>积分不足，无法捐赠：余额 %1，需要 %2</translation>
    </message>
    <message>
        <source>a donation</source>
        <translation>本次捐赠</translation>
    </message>
    <message>
        <source>%1 spends points without HQ, and offline only points HQ has confirmed can be spent: %2 available, %3 needed (points earned since the last sync count once synced). Sync first, or spend fewer points</source>
        <translation>%1要在连不上总部时使用积分，而离线时只能使用总部已确认的积分：可用 %2，需要 %3（上次同步后获得的积分同步后才计入）。请先同步，或少用一些积分</translation>
    </message>
    <message>
        <source>%1 spends points without HQ, and offline a member may spend at most %2 points a day (redemptions, offsets, donations and transfers): %3 left today, %4 needed</source>
        <translation>%1要在连不上总部时使用积分，而离线时每位会员每天最多使用 %2 积分（含兑换、抵扣、捐赠和转赠）：今天还剩 %3，需要 %4</translation>
    </message>
    <message>
        <source>reward code</source>
        <translation>礼品编码</translation>
    </message>
    <message>
        <source>quantity must be between 1 and 100</source>
        <translation>数量须在 1 到 100 之间</translation>
    </message>
    <message>
        <source>no reward %1 in the catalog (rule set %2)</source>
        <translation>礼品目录中没有 %1（积分规则 %2）</translation>
    </message>
    <message>
        <source>a reservation id is 16 to 64 lowercase hex digits</source>
        <translation>预留编号须为 16 到 64 位小写十六进制数字</translation>
    </message>
    <message>
        <source>%1 is a festival reward of %2 and can be redeemed only while it runs</source>
        <translation>%1 是 %2 的节日礼品，只能在活动期间兑换</translation>
    </message>
    <message>
        <source>%1 is out of stock (%2 left, %3 asked)</source>
        <translation>%1 库存不足（剩 %2，需要 %3）</translation>
    </message>
    <message>
        <source>%1 takes green points only: green balance %2, price %3</source>
        <translation>%1 只能用绿色积分兑换：绿色积分余额 %2，需要 %3</translation>
    </message>
    <message>
        <source>not enough points for %1: balance %2, price %3</source>
        <translation>积分不足，无法兑换 %1：余额 %2，需要 %3</translation>
    </message>
    <message>
        <source>HQ cannot authorise this redemption now, and offline only points HQ has confirmed can be spent: %1 available, %2 needed (points earned since the last sync count once synced). Sync, or redeem when HQ is reachable</source>
        <translation>总部现在无法授权本次兑换，而离线时只能使用总部已确认的积分：可用 %1，需要 %2（上次同步后获得的积分同步后才计入）。请先同步，或等连上总部后再兑换</translation>
    </message>
    <message>
        <source>HQ cannot authorise this redemption now, and offline a member may redeem at most %1 points a day: %2 left today, %3 needed. Redeem when HQ is reachable</source>
        <translation>总部现在无法授权本次兑换，而离线时每位会员每天最多兑换 %1 积分：今天还剩 %2，需要 %3。请等连上总部后再兑换</translation>
    </message>
    <message>
        <source>--of: %1</source>
        <translation>原单号：%1</translation>
    </message>
    <message>
        <source>no redemption with reference %1</source>
        <translation>没有单号为 %1 的兑换</translation>
    </message>
    <message>
        <source>redemption %1 was already returned (%2)</source>
        <translation>兑换单 %1 已经退回过（%2）</translation>
    </message>
    <message>
        <source>the journal entry of redemption %1 is missing</source>
        <translation>兑换单 %1 的流水记录丢失</translation>
    </message>
    <message>
        <source>the earn entry %1 of sale %2 is missing</source>
        <translation>销售单 %2 的积分流水 %1 丢失</translation>
    </message>
    <message>
        <source>no sale with reference %1</source>
        <translation>没有单号为 %1 的销售</translation>
    </message>
    <message>
        <source>sale %1 is already fully refunded</source>
        <translation>销售单 %1 已全额退款</translation>
    </message>
    <message>
        <source>sale %1 was paid entirely with points; only a full refund (no --amount) is possible</source>
        <translation>销售单 %1 全部用积分支付；只能整单退款（不填金额 --amount）</translation>
    </message>
    <message>
        <source>refund of %1 yuan is more than the %2 yuan still refundable on sale %3</source>
        <translation>退款 %1 元超过了销售单 %3 尚可退的 %2 元</translation>
    </message>
    <message>
        <source>the offset entry of sale %1 is missing</source>
        <translation>销售单 %1 的积分抵扣流水丢失</translation>
    </message>
    <message>
        <source>month %1-%2 is not a valid month</source>
        <translation>%1-%2 不是有效的月份</translation>
    </message>
    <message>
        <source>the report date is not a valid date</source>
        <translation>报表日期无效</translation>
    </message>
    <message>
        <source>rule set version %1 is not newer than the active version %2</source>
        <translation>积分规则版本 %1 不比当前版本 %2 新</translation>
    </message>
    <message>
        <source>rule set %1 has no category &quot;%2&quot;, this terminal&apos;s merchant category</source>
        <translation>积分规则 %1 中没有本终端的商户类别“%2”</translation>
    </message>
    <message>
        <source>rule set version %1 is not the active version %2</source>
        <translation>积分规则版本 %1 不是当前版本 %2</translation>
    </message>
    <message>
        <source>item &quot;%1&quot; is not SKU:QTY or SKU:QTY:PRICE</source>
        <translation>商品“%1”的格式应为 SKU:QTY 或 SKU:QTY:PRICE</translation>
    </message>
    <message>
        <source>no product with SKU %1 in rule set %2</source>
        <translation>积分规则 %2 中没有货号为 %1 的商品</translation>
    </message>
    <message>
        <source>quantity of %1 must be a whole number from 1 to 999</source>
        <translation>%1 的数量须为 1 到 999 之间的整数</translation>
    </message>
    <message>
        <source>price of %1: %2</source>
        <translation>%1 的价格：%2</translation>
    </message>
    <message>
        <source>a sale is either an amount (--amount) or items (--item), not both and not neither</source>
        <translation>一笔销售要么只填金额（--amount），要么只录商品（--item），二者必须选一个</translation>
    </message>
    <message>
        <source>points to offset must not be negative</source>
        <translation>抵扣积分不能为负数</translation>
    </message>
    <message>
        <source>points to offset are too many</source>
        <translation>抵扣积分过多</translation>
    </message>
    <message>
        <source>tender &quot;%1&quot; is not one of cash, wechat, alipay, card</source>
        <translation>支付方式“%1”无效，应为 cash、wechat、alipay 或 card</translation>
    </message>
    <message>
        <source>--category is for amount-only sales; items carry their own category</source>
        <translation>--category 只用于只填金额的销售；商品自带类别</translation>
    </message>
    <message>
        <source>the bill is too large (at most 99999999.99 yuan)</source>
        <translation>账单金额过大（最多 99999999.99 元）</translation>
    </message>
    <message>
        <source>points can only offset a bill when a member is identified</source>
        <translation>识别会员后才能用积分抵扣</translation>
    </message>
    <message>
        <source>points offset in whole yuan: %1 points is not a multiple of %2</source>
        <translation>积分按整元抵扣：%1 积分不是 %2 的整数倍</translation>
    </message>
    <message>
        <source>points may pay at most the bill: %1 points are %2 yuan, the bill is %3</source>
        <translation>积分抵扣不能超过账单金额：%1 积分合 %2 元，账单为 %3 元</translation>
    </message>
    <message>
        <source>points may pay at most the eligible part of the bill: %1 points are %2 yuan, that part is %3</source>
        <translation>积分抵扣不能超过账单中可抵扣的部分：%1 积分合 %2 元，可抵扣部分为 %3 元</translation>
    </message>
    <message>
        <source>not enough points to offset: balance %1, asked %2</source>
        <translation>积分不足，无法抵扣：余额 %1，需要 %2</translation>
    </message>
    <message>
        <source>this points offset</source>
        <translation>本次积分抵扣</translation>
    </message>
    <message>
        <source>no survey %1 in rule set %2</source>
        <translation>积分规则 %2 中没有问卷 %1</translation>
    </message>
    <message>
        <source>give at least one answer (--answer QUESTION=VALUE)</source>
        <translation>请至少填写一个答案（--answer QUESTION=VALUE）</translation>
    </message>
    <message>
        <source>survey %1 has no question &quot;%2&quot;</source>
        <translation>问卷 %1 中没有问题“%2”</translation>
    </message>
    <message>
        <source>question &quot;%1&quot; is answered twice</source>
        <translation>问题“%1”回答了两次</translation>
    </message>
    <message>
        <source>the answer to &quot;%1&quot; must be 1-500 characters</source>
        <translation>问题“%1”的答案须为 1-500 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the options of &quot;%2&quot;: %3</source>
        <translation>“%1”不是问题“%2”的选项：%3</translation>
    </message>
    <message>
        <source>this member already answered survey %1</source>
        <translation>该会员已经填过问卷 %1</translation>
    </message>
    <message>
        <source>answers recorded; no green points: the monthly cap of %1 is reached</source>
        <translation>答案已记录；未发绿色积分：已达每月上限 %1</translation>
    </message>
    <message>
        <source>%1 green points deferred until the terminal has allowance</source>
        <translation>%1 绿色积分暂缓发放，待本终端有额度后补发</translation>
    </message>
    <message>
        <source>HQ time is not valid</source>
        <translation>总部时间无效</translation>
    </message>
    <message>
        <source>HQ sent a malformed stock delivery</source>
        <translation>总部发来的库存配送数据格式有误</translation>
    </message>
    <message>
        <source>HQ&apos;s snapshot claims this terminal&apos;s seq %1, but the journal ends at %2</source>
        <translation>总部的快照说本终端的流水已到 %1，但本地流水只到 %2</translation>
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
    <name>jifen::ManagerScreen</name>
    <message>
        <source>Households</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Green actions</source>
        <translation>绿色行为</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <translation>店长：%1</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>月结单</translation>
    </message>
    <message>
        <source>Alt+1…9 or Ctrl+Tab switch tabs · Tab moves between fields · Enter confirms · Esc back to checkout</source>
        <translation>Alt+1…9 或 Ctrl+Tab 切换页面 · Tab 切换输入框 · 回车确认 · Esc 返回收银</translation>
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
    <name>jifen::Money</name>
    <message>
        <source>amount is empty; give yuan like 12.50</source>
        <translation>金额为空；请以元为单位输入，如 12.50</translation>
    </message>
    <message>
        <source>amount %1 is negative; amounts must be positive</source>
        <translation>金额 %1 是负数；金额必须为正数</translation>
    </message>
    <message>
        <source>amount %1 has more than two decimals (fen is the smallest unit)</source>
        <translation>金额 %1 超过两位小数（最小单位是分）</translation>
    </message>
    <message>
        <source>amount %1 is not a number of yuan like 12.50</source>
        <translation>金额 %1 不是有效的元金额，如 12.50</translation>
    </message>
    <message>
        <source>amount %1 is too large (at most 99999999.99)</source>
        <translation>金额 %1 过大（最多 99999999.99）</translation>
    </message>
    <message>
        <source>amount %1 must be at least 0.01</source>
        <translation>金额 %1 至少为 0.01</translation>
    </message>
    <message>
        <source>points value is empty</source>
        <translation>积分数为空</translation>
    </message>
    <message>
        <source>points value %1 is not a whole number</source>
        <translation>积分数 %1 不是整数</translation>
    </message>
    <message>
        <source>points value %1 must be positive</source>
        <translation>积分数 %1 必须为正数</translation>
    </message>
    <message>
        <source>points value %1 is too large</source>
        <translation>积分数 %1 过大</translation>
    </message>
</context>
<context>
    <name>jifen::OnlineRedemption</name>
    <message>
        <source>HQ refused the redemption: HQ answered %1: %2</source>
        <translation>总部不同意本次兑换（总部答复 %1：%2）</translation>
    </message>
</context>
<context>
    <name>jifen::OperatorsTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>PIN, 4 to 8 digits</source>
        <translation>密码，4 至 8 位数字</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>需店长</translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>The operators cannot be read: %1</source>
        <translation>无法读取操作员：%1</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未加入：%1</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>已加入 %1。</translation>
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
        <source>F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · Shift+F8 receipt PDF · F9 remove line · F10 sync · Shift+F10 manager · F11 redeem · F12 pay · Shift+F12 refund · Esc cancel</source>
        <translation>F2 会员 · F3 商品 · F4 数量 · F5 金额 · F6 积分 · F7 支付方式 · F8 重打 · Shift+F8 小票PDF · F9 删除行 · F10 同步 · Shift+F10 店长 · F11 兑换 · F12 结账 · Shift+F12 退货 · Esc 取消</translation>
    </message>
    <message>
        <source>Printing %p%</source>
        <translation>打印中 %p%</translation>
    </message>
    <message>
        <source>Printing failed: %1. Check that the printer is on, has paper and is connected, then reprint with F8.</source>
        <translation>打印失败：%1。请检查打印机已开机、有纸并已连接，然后按 F8 重打。</translation>
    </message>
    <message>
        <source>The manager&apos;s screen needs a manager&apos;s PIN.</source>
        <translation>进入店长页面需要店长密码。</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>未授权：%1</translation>
    </message>
    <message>
        <source>F2 member · F3 reward · F4 qty · F5 category · F12 or Enter redeem · F10 sync · F11 checkout · Shift+F12 refund · Esc back to checkout</source>
        <translation>F2 会员 · F3 礼品 · F4 数量 · F5 类别 · F12 或回车 兑换 · F10 同步 · F11 收银 · Shift+F12 退货 · Esc 返回收银</translation>
    </message>
    <message>
        <source>F2 receipt no. · F4 amount · F12 or Enter refund · F10 sync · F11 checkout · Esc back to checkout</source>
        <translation>F2 单号 · F4 金额 · F12 或回车 退款 · F10 同步 · F11 收银 · Esc 返回收银</translation>
    </message>
    <message>
        <source>Alt+1…9 tabs · Tab next field · Enter confirm · F10 sync · Esc back to checkout</source>
        <translation>Alt+1…9 切换页面 · Tab 下一项 · 回车确认 · F10 同步 · Esc 返回收银</translation>
    </message>
    <message>
        <source>Saving PDF</source>
        <translation>正在保存PDF</translation>
    </message>
    <message>
        <source>No receipt to save yet.</source>
        <translation>还没有可保存的小票。</translation>
    </message>
    <message>
        <source>No folder for receipt PDFs is set (start with --receipt-pdf-dir).</source>
        <translation>未设置小票PDF的保存目录（启动时加 --receipt-pdf-dir）。</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>The receipt PDF was not saved: %1.</source>
        <translation>小票PDF未保存：%1。</translation>
    </message>
    <message>
        <source>Receipt saved as %1</source>
        <translation>小票已保存为 %1</translation>
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
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
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
        <source>Not approved: %1</source>
        <translation>未授权：%1</translation>
    </message>
    <message>
        <source>Not redeemed: %1</source>
        <translation>未兑换：%1</translation>
    </message>
    <message>
        <source>Voucher code: %1</source>
        <translation>券码：%1</translation>
    </message>
    <message>
        <source>Asking HQ…</source>
        <translation>正在询问总部…</translation>
    </message>
    <message>
        <source>Authorised: %1</source>
        <translation>授权方式：%1</translation>
    </message>
    <message>
        <source>online by HQ</source>
        <translation>总部在线授权</translation>
    </message>
    <message>
        <source>offline, within the offline limits</source>
        <translation>离线授权（在离线限额内）</translation>
    </message>
    <message>
        <source>by this terminal (not enrolled with HQ)</source>
        <translation>本终端授权（未在总部注册）</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 for %n point(s) needs a manager&apos;s approval.</source>
        <translation>
            <numerusform>%1 × %2，共 %n 积分，需要店长授权。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redeemed %1 × %2 for %n point(s); balance %3.</source>
        <translation>
            <numerusform>已兑换 %1 × %2，使用 %n 积分；余额 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Category (F5)</source>
        <translation>类别 (F5)</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>实物</translation>
    </message>
    <message>
        <source>Partner reward</source>
        <translation>合作商户券</translation>
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
        <source>Scan or type the receipt number first (F2).</source>
        <translation>请先扫描或输入单号（F2）。</translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation>未退款：%1</translation>
    </message>
    <message>
        <source>The sale is fully refunded.</source>
        <translation>该单已全部退款。</translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 yuan of %2: %n point(s) taken back, %3 offset points returned; balance %4.%5</source>
        <translation>
            <numerusform>单据 %2 已退款 %1 元：扣回 %n 积分，退回抵扣积分 %3；余额 %4。%5</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunds and returned rewards — Enter or F12 refunds, Esc back to checkout</source>
        <translation>退款与礼品退回 —— 回车或 F12 退款，Esc 返回收银</translation>
    </message>
    <message>
        <source>no sale or redemption with reference %1</source>
        <translation>没有单号为 %1 的销售或兑换</translation>
    </message>
    <message numerus="yes">
        <source>Reward of %1 returned: %n point(s) back to the member; balance %2. Stocked goods go back into stock.</source>
        <translation>
            <numerusform>兑换单 %1 的礼品已退回：%n 积分退还会员；余额 %2。有库存的商品已放回库存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jifen::RuleSet</name>
    <message>
        <source>rule set refused: %1</source>
        <translation>积分规则被拒绝：%1</translation>
    </message>
    <message>
        <source>rule set refused by compliance rule %1: %2</source>
        <translation>积分规则违反合规规则 %1，被拒绝：%2</translation>
    </message>
    <message>
        <source>unknown merchant category &quot;%1&quot; (rule set %2 knows: %3)</source>
        <translation>未知的商户类别“%1”（积分规则 %2 中有：%3）</translation>
    </message>
</context>
<context>
    <name>jifen::SalePreview</name>
    <message>
        <source>the line for %1 is too large</source>
        <translation>%1 这一行的金额过大</translation>
    </message>
    <message>
        <source>a sale is either an amount or items, not both and not neither</source>
        <translation>一笔销售要么只填金额，要么只录商品，二者必须选一个</translation>
    </message>
    <message>
        <source>points to offset must be from 0 to %1</source>
        <translation>抵扣积分须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>no product with SKU %1 in rule set %2</source>
        <translation>积分规则 %2 中没有货号为 %1 的商品</translation>
    </message>
    <message>
        <source>quantity of %1 must be a whole number from 1 to 999</source>
        <translation>%1 的数量须为 1 到 999 之间的整数</translation>
    </message>
    <message>
        <source>the bill is too large (at most 99999999.99 yuan)</source>
        <translation>账单金额过大（最多 99999999.99 元）</translation>
    </message>
    <message>
        <source>points can only offset a bill when a member is identified</source>
        <translation>识别会员后才能用积分抵扣</translation>
    </message>
    <message>
        <source>points offset in whole yuan: %1 points is not a multiple of %2</source>
        <translation>积分按整元抵扣：%1 积分不是 %2 的整数倍</translation>
    </message>
    <message>
        <source>points may pay at most %1 yuan of this bill</source>
        <translation>本单最多可用积分抵扣 %1 元</translation>
    </message>
</context>
<context>
    <name>jifen::Salvage</name>
    <message>
        <source>cannot salvage into %1: the file exists</source>
        <translation>无法把数据恢复到 %1：该文件已存在</translation>
    </message>
    <message>
        <source>cannot copy %1 to salvage it</source>
        <translation>无法复制 %1 来恢复数据</translation>
    </message>
    <message>
        <source>cannot copy %1-wal to salvage it</source>
        <translation>无法复制 %1-wal 来恢复数据</translation>
    </message>
    <message>
        <source>nothing in %1 is readable (not even its list of tables)</source>
        <translation>%1 中没有任何可读的内容（连表清单都读不出）</translation>
    </message>
    <message>
        <source>neither the identity nor any journal entry of %1 is readable</source>
        <translation>%1 的终端身份和流水记录都读不出</translation>
    </message>
    <message>
        <source>cannot write the salvaged ledger %1: %2</source>
        <translation>无法写入恢复出的账本 %1：%2</translation>
    </message>
    <message>
        <source>cannot reconcile the salvaged ledger (%1): %2</source>
        <translation>无法核对恢复出的账本（%1）：%2</translation>
    </message>
</context>
<context>
    <name>jifen::SettingsTab</name>
    <message>
        <source>/dev/usb/lp0 or tcp://192.168.1.50:9100</source>
        <translation>/dev/usb/lp0 或 tcp://192.168.1.50:9100</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>总部地址</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Nightly sync hour</source>
        <translation>夜间同步时间（时）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>not enrolled (jifen enroll --hq URL --code CODE)</source>
        <translation>未注册（jifen enroll --hq 地址 --code 注册码）</translation>
    </message>
    <message>
        <source>Saved. The printer applies now; the sync hour and the language at the next start.</source>
        <translation>已保存。打印机立即生效；同步时间和语言在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>jifen::StatementsTab</name>
    <message>
        <source>member&apos;s phone or card</source>
        <translation>会员手机号或卡号</translation>
    </message>
    <message>
        <source>optional: a PDF file to write, e.g. /tmp/statement.pdf</source>
        <translation>可选：要写入的 PDF 文件，例如 /tmp/statement.pdf</translation>
    </message>
    <message>
        <source>Make statement (Enter)</source>
        <translation>生成月结单（回车）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Statement ready.</source>
        <translation>月结单已生成。</translation>
    </message>
    <message>
        <source>Statement written to %1.</source>
        <translation>月结单已写入 %1。</translation>
    </message>
    <message>
        <source>The statement cannot be made: %1</source>
        <translation>无法生成月结单：%1</translation>
    </message>
    <message>
        <source>Type or scan the member&apos;s phone or card first.</source>
        <translation>请先输入或扫描会员手机号或卡号。</translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation>正在生成月结单…</translation>
    </message>
</context>
<context>
    <name>jifen::Store</name>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>database %1 is corrupt (%2); it was quarantined as %3 and nothing was deleted; nothing could be salvaged from it (%4). Restore a backup or re-initialise the terminal.</source>
        <translation>数据库 %1 已损坏（%2）；已隔离为 %3，没有删除任何数据；但无法从中恢复任何内容（%4）。请恢复备份，或重新初始化终端。</translation>
    </message>
    <message>
        <source>cannot read database %1: %2</source>
        <translation>无法读取数据库 %1：%2</translation>
    </message>
    <message>
        <source>database %1 was written by a newer Jifen (schema %2, this build knows %3); upgrade Jifen instead of opening it with this version</source>
        <translation>数据库 %1 由更新版本的 Jifen 写入（结构版本 %2，本版本只支持到 %3）；请升级 Jifen，不要用当前版本打开</translation>
    </message>
    <message>
        <source>storage failure (%1) in %2: %3</source>
        <translation>%2 存储故障（%1）：%3</translation>
    </message>
    <message>
        <source>storage failure preparing a statement in %1: %2</source>
        <translation>%1 存储故障（准备语句时）：%2</translation>
    </message>
    <message>
        <source>storage failure in %1: %2</source>
        <translation>%1 存储故障：%2</translation>
    </message>
</context>
<context>
    <name>jifen::SyncClient</name>
    <message>
        <source>HQ sent no usable key</source>
        <translation>总部没有发来可用的密钥</translation>
    </message>
    <message>
        <source>this terminal is not enrolled with HQ; run `jifen enroll --hq URL --code CODE`</source>
        <translation>本终端尚未在总部注册；请运行 `jifen enroll --hq URL --code CODE`</translation>
    </message>
    <message>
        <source>HQ sent no time</source>
        <translation>总部没有发来时间</translation>
    </message>
    <message>
        <source>HQ acknowledges seq %1 but this terminal&apos;s journal ends at %2; this terminal&apos;s database may have been replaced — do not push, call support</source>
        <translation>总部确认已收到流水 %1，但本终端的流水只到 %2；本终端的数据库可能被替换过——请勿上传，请联系技术支持</translation>
    </message>
    <message>
        <source>HQ acknowledged seq %1 for a push of %2..%3</source>
        <translation>上传的是流水 %2..%3，总部却确认到 %1</translation>
    </message>
    <message>
        <source>HQ sent member %1 of an unknown kind</source>
        <translation>总部发来的会员 %1 类型未知</translation>
    </message>
    <message>
        <source>HQ sent a malformed lot reference %1</source>
        <translation>总部发来的积分批次编号 %1 格式有误</translation>
    </message>
    <message>
        <source>rule set %1 here differed from HQ&apos;s; HQ&apos;s content replaces it</source>
        <translation>本地积分规则 %1 与总部不一致；已改用总部的内容</translation>
    </message>
    <message>
        <source>rule set %1 not loaded: %2</source>
        <translation>积分规则 %1 未加载：%2</translation>
    </message>
    <message>
        <source>allowance %1 not applied: %2</source>
        <translation>%1 的积分额度未生效：%2</translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>no connection to HQ</comment>
        <translation>网络不通，连不上总部。积分已保存在本机，网络恢复后会自动同步；请检查网线或 Wi-Fi。（%1）</translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>HQ did not answer in time</comment>
        <translation>总部没有及时应答。积分已保存在本机，稍后会自动同步；如果一直这样，请检查网络。（%1）</translation>
    </message>
    <message>
        <source>HQ unreachable: %1</source>
        <comment>no secure connection (TLS) to HQ</comment>
        <translation>无法与总部建立安全连接。积分已保存在本机；请联系管理员检查总部的证书。（%1）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ does not accept this terminal&apos;s signature (401)</comment>
        <translation>总部不认可本终端的签名。积分已保存在本机；请联系管理员检查本终端的注册和时钟。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ refused the request (409)</comment>
        <translation>总部拒绝了请求。积分已保存在本机；请联系管理员处理。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ found the request malformed (400)</comment>
        <translation>总部认为本终端发出的请求有误。积分已保存在本机；请联系技术支持。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ does not know the terminal or what was asked (404)</comment>
        <translation>总部找不到本终端或所请求的内容。积分已保存在本机；请联系管理员检查总部地址和本终端的注册。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>the request is over HQ&apos;s size limit (413)</comment>
        <translation>一次发送的数据超过了总部的上限。积分已保存在本机；请联系技术支持。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>HQ failed (500, or a gateway&apos;s 5xx)</comment>
        <translation>总部出现故障。积分已保存在本机，稍后会自动重试；如果一直失败，请联系技术支持。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ answered %1: %2</source>
        <comment>any other answer from HQ</comment>
        <translation>总部的答复无法处理。积分已保存在本机，稍后会自动重试；如果一直失败，请联系技术支持。（总部答复 %1：%2）</translation>
    </message>
    <message>
        <source>HQ sent this terminal&apos;s own lots left out of a full pull</source>
        <translation>总部在完整拉取中仍漏发了本终端自己的积分批次</translation>
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
