#include "expiry.h"
#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace jifen {

Result<SurveyAnswerResult> Ledger::answerSurvey(const SurveyAnswerRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const Survey* survey = rs->program().survey(request.survey);
    if (!survey)
        return Error::notFound(QCoreApplication::translate("jifen::Ledger", "no survey %1 in rule set %2")
                                   .arg(request.survey)
                                   .arg(rs->version()));
    if (request.answers.isEmpty())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "give at least one answer (--answer QUESTION=VALUE)"));
    QJsonObject answers;
    for (const auto& [id, value] : request.answers) {
        const QString& wanted = id; // clang 14 cannot capture a structured binding
        auto question = std::find_if(survey->questions.cbegin(), survey->questions.cend(),
                                     [&](const SurveyQuestion& q) { return q.id == wanted; });
        if (question == survey->questions.cend())
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "survey %1 has no question \"%2\"").arg(survey->code, id));
        if (answers.contains(id))
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "question \"%1\" is answered twice").arg(id));
        const QString v = value.trimmed();
        if (v.isEmpty() || v.size() > 500)
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "the answer to \"%1\" must be 1-500 characters").arg(id));
        if (!question->options.isEmpty() && !question->options.contains(v))
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "\"%1\" is not one of the options of \"%2\": %3")
                    .arg(v, id, question->options.join(QStringLiteral(", "))));
        answers.insert(id, v);
    }
    const QString answersText = QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact));
    const QString fingerprint = QStringLiteral("%1|%2|%3").arg(member->uid, survey->code, answersText);

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("survey"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return SurveyAnswerResult::fromJson(*prior.value());
    auto done = d->store.prepare(QStringLiteral("SELECT 1 FROM survey_answers WHERE member_id = ? AND survey = ?"));
    if (!done)
        return done.error();
    done->addBindValue(member->id);
    done->addBindValue(survey->code);
    JIFEN_TRY(d->store.exec(done.value()));
    const bool already = done->next();
    done->finish();
    if (already)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "this member already answered survey %1").arg(survey->code));

    SurveyAnswerResult result;
    result.ref = ref.value();
    result.survey = survey->code;
    result.answered = answers.size();
    qint64 greenSeq = 0;
    if (!survey->greenAction.isEmpty()) {
        // Answering is itself the green action; no manager needs to approve it.
        const Points points(rs->program().green.actionPoints.value(survey->greenAction));
        auto used = d->greenActionsThisMonth(member->id);
        if (!used)
            return used.error();
        if (used.value() + points > Points(rs->program().green.monthlyCap)) {
            result.note = QCoreApplication::translate(
                              "jifen::Ledger", "answers recorded; no green points: the monthly cap of %1 is reached")
                              .arg(rs->program().green.monthlyCap);
        } else {
            auto grant = d->writeGreenAction(
                member.value(), points, ref.value(),
                {{QStringLiteral("action"), survey->greenAction}, {QStringLiteral("survey"), survey->code}},
                rs.value());
            if (!grant)
                return grant.error();
            greenSeq = d->pendingSeq; // the green-grant entry just appended
            result.greenPoints = grant.value();
            if (grant.value() != points)
                result.note = QCoreApplication::translate("jifen::Ledger",
                                                          "%1 green points deferred until the terminal has allowance")
                                  .arg((points - grant.value()).value());
        }
    }
    auto ins = d->store.prepare(QStringLiteral("INSERT INTO survey_answers (ref, member_id, survey, answers, green_seq,"
                                               " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(ref.value());
    ins->addBindValue(member->id);
    ins->addBindValue(survey->code);
    ins->addBindValue(answersText);
    ins->addBindValue(greenSeq ? QVariant(greenSeq) : QVariant(QMetaType(QMetaType::LongLong)));
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(ins.value()));
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("survey"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
